using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedTour.Cms.Data;

/// <summary>
/// Points a pooled PostgreSQL connection at the tenant's schema when it opens: every tenant shares one Npgsql
/// pool (a <c>Search Path</c> in the connection string would give each tenant a pool of its own). One per tenant's
/// options; the schema is validated (<c>^[a-z_][a-z0-9_]{0,62}$</c>) before it gets here.
/// </summary>
public sealed class SearchPathInterceptor(string schema) : DbConnectionInterceptor
{
    public string Schema { get; } = schema;

    private string Sql => $"SET search_path TO \"{Schema}\"";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
