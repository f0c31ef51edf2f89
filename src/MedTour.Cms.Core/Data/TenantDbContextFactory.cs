using System.Collections.Concurrent;
using MedTour.Cms.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MedTour.Cms.Data.ChangeStamps;
using Npgsql;

namespace MedTour.Cms.Data;

/// <summary>
/// Builds a tenant's <see cref="CmsDbContext"/>. Singleton; the options of each tenant are built once and
/// cached by tenant name and database settings (a settings change gets fresh options). PostgreSQL tenants share
/// one <see cref="NpgsqlDataSource"/> (one pool) per connection string; the schema is set when a connection opens.
/// </summary>
public sealed class TenantDbContextFactory(AppPaths paths, IOptions<DatabaseOptions> defaults, ILoggerFactory loggerFactory, ChangeStampInterceptor changeStamps,
    AfterCommit afterCommit) : IDisposable
{
    private readonly ConcurrentDictionary<(string Tenant, TenantDatabaseSettings Database), DbContextOptions> _options = new();
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _dataSources = new(StringComparer.Ordinal);
    private static readonly SqliteConnectionSettings SqliteSettings = new();
    private readonly SqliteWriteGate _writeGate = new();

    public CmsDbContext Create(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var options = _options.GetOrAdd((tenant.Name, tenant.Database), key => Build(key.Tenant, key.Database));
        return options switch
        {
            DbContextOptions<PostgresCmsDbContext> postgres => new PostgresCmsDbContext(postgres),
            DbContextOptions<SqliteCmsDbContext> sqlite => new SqliteCmsDbContext(sqlite),
            _ => throw new InvalidOperationException("Unknown database options."),
        };
    }

    public string ProviderOf(TenantSettings tenant) => tenant.Database.Provider ?? defaults.Value.Provider;

    public string SchemaOf(TenantSettings tenant) =>
        tenant.Database.Schema ?? (defaults.Value.SchemaPrefix + tenant.Name).ToLowerInvariant();

    public string SqliteFileOf(TenantSettings tenant) => Path.Combine(paths.TenantFolder(tenant.Name), "medtour.db");

    /// <summary>The PostgreSQL connection string of a tenant, without the schema search path.</summary>
    public string PostgresConnectionOf(TenantSettings tenant) =>
        tenant.Database.ConnectionString ?? defaults.Value.ConnectionString
        ?? throw new InvalidOperationException($"Tenant '{tenant.Name}' uses PostgreSQL but no connection string is configured (MedTour:Database:ConnectionString).");

    /// <summary>The one pool of a PostgreSQL tenant's server and database, shared with every tenant there.</summary>
    public NpgsqlDataSource DataSourceOf(TenantSettings tenant) =>
        _dataSources.GetOrAdd(PostgresConnectionOf(tenant), connection => NpgsqlDataSource.Create(connection));

    public void Dispose()
    {
        foreach (var source in _dataSources.Values)
        {
            source.Dispose();
        }
    }

    /// <summary>Forgets cached options (after a tenant is removed).</summary>
    public void Forget(string tenantName)
    {
        foreach (var key in _options.Keys.Where(k => string.Equals(k.Tenant, tenantName, StringComparison.OrdinalIgnoreCase)))
        {
            _options.TryRemove(key, out _);
        }

        _writeGate.Forget(SqliteFileOf(new TenantSettings { Name = tenantName }));
    }

    private DbContextOptions Build(string tenantName, TenantDatabaseSettings database)
    {
        var tenant = new TenantSettings { Name = tenantName, Database = database };
        var provider = ProviderOf(tenant);
        if (string.Equals(provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var schema = SchemaOf(tenant);
            // Unqualified tables + search_path set on open: one model (and one compiled-query cache) and one
            // connection pool serve every schema.
            return new DbContextOptionsBuilder<PostgresCmsDbContext>()
                .UseNpgsql(DataSourceOf(tenant), o => o.MigrationsHistoryTable("__EFMigrationsHistory", schema))
                .AddInterceptors(new SearchPathInterceptor(schema), changeStamps, afterCommit)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .UseLoggerFactory(loggerFactory)
                .Options;
        }

        if (!string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Tenant '{tenantName}': unknown database provider '{provider}' (expected Sqlite or Postgres).");
        }

        var file = SqliteFileOf(tenant);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ConnectionString;
        IInterceptor[] interceptors = [changeStamps, afterCommit, SqliteSettings, .. defaults.Value.SqliteWriteGate ? [_writeGate] : Array.Empty<IInterceptor>()];
        return new DbContextOptionsBuilder<SqliteCmsDbContext>()
            .UseSqlite(sqlite)
            .AddInterceptors(interceptors)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .UseLoggerFactory(loggerFactory)
            .Options;
    }
}
