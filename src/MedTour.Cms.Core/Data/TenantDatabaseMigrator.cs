using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedTour.Cms.Data;

/// <summary>Creates a tenant's database (file or schema) and applies pending migrations; safe to run again.</summary>
public sealed class TenantDatabaseMigrator(TenantDbContextFactory factory)
{
    public async Task MigrateAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (string.Equals(factory.ProviderOf(tenant), DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            await EnsureSchemaAsync(factory.DataSourceOf(tenant), factory.SchemaOf(tenant), cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(factory.SqliteFileOf(tenant))!);
        }

        await using var db = factory.Create(tenant);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a recipe or an editor writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Deletes a tenant's data: its PostgreSQL schema (if it has one) and its folder (SQLite file, media).</summary>
    public async Task DropAsync(TenantSettings tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (string.Equals(factory.ProviderOf(tenant), DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            await using var connection = await factory.DataSourceOf(tenant).OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{factory.SchemaOf(tenant)}\" CASCADE", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(factory.SqliteFileOf(tenant))!;
        await DeleteFolderAsync(folder, cancellationToken);
        factory.Forget(tenant.Name);
    }

    /// <summary>
    /// A background writer that saw the tenant running a moment ago (a search index batch, an image variant) may still
    /// be finishing a file in the folder: it stops at its next look at the tenant's state, so try again briefly.
    /// </summary>
    private static async Task DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static async Task EnsureSchemaAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{schema}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
