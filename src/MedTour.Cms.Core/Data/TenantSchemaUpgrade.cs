using System.Reflection;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Data;

/// <summary>
/// Applies the migrations a newer build brings to tenants an older build set up (a tenant is migrated when it is set
/// up; this catches the ones already running). <c>App_Data/schema-version</c> names the newest migration every tenant
/// has, so a start with an unchanged build costs one file read. A tenant that fails is logged, the others go on, and
/// the note is not written, so the next start tries again. Singleton, stateless.
/// </summary>
public sealed class TenantSchemaUpgrade(TenantRegistry registry, TenantDatabaseMigrator migrator, AppPaths paths, ILogger<TenantSchemaUpgrade> logger)
{
    /// <summary>The newest migration of the tenant database this build has (ids start with a UTC time stamp).</summary>
    public static string Latest { get; } = typeof(CmsDbContext).Assembly.GetTypes()
        .Where(t => typeof(Migration).IsAssignableFrom(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType.IsAssignableTo(typeof(CmsDbContext)) == true)
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id)
        .Max(StringComparer.Ordinal)!;

    private string NoteFile => Path.Combine(paths.AppData, "schema-version");

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (File.Exists(NoteFile) && (await File.ReadAllTextAsync(NoteFile, cancellationToken)).Trim() == Latest)
        {
            return;
        }

        var failed = 0;
        foreach (var tenant in registry.All.Where(t => t.State is TenantState.Running or TenantState.Disabled))
        {
            try
            {
                await migrator.MigrateAsync(tenant, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                logger.LogError(e, "Upgrading the database of tenant {Tenant} failed: {Message}", tenant.Name, e.Message);
            }
        }

        if (failed == 0)
        {
            AtomicFile.WriteAllText(NoteFile, Latest);
        }
    }
}
