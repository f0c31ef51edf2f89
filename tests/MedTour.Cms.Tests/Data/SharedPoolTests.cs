using System.Net;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Npgsql;

namespace MedTour.Cms.Tests.Data;

/// <summary>PostgreSQL tenants share one connection pool: touching many tenants does not open a connection per tenant.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedPoolTests(PostgresSite site)
{
    [Fact]
    public async Task Twelve_tenants_served_one_after_another_hold_fewer_server_connections_than_tenants()
    {
        // Other tests of the collection leave idle connections in the pool (20 parallel writers, say): count growth.
        var before = await ServerConnectionsAsync();
        var manager = site.Service<TenantManager>();
        var names = Enumerable.Range(0, 12).Select(_ => "p" + Guid.NewGuid().ToString("N")[..10]).ToList();
        foreach (var name in names)
        {
            manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], Features = ["Contents"] });
            await manager.SetupAsync(name);
        }

        using var client = site.Client();
        foreach (var name in names)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/{name}/nothing-here", UriKind.Relative))).StatusCode);
        }

        var opened = await ServerConnectionsAsync() - before;
        Assert.True(opened < names.Count, $"{opened} new server connections for {names.Count} tenants");
    }

    private async Task<long> ServerConnectionsAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(site.PostgresConnection).Database;
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db", connection);
        command.Parameters.AddWithValue("db", database!);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
