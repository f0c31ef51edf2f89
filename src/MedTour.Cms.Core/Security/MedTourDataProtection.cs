using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Security;

public static class MedTourDataProtection
{
    /// <summary>The folder under App_Data that holds the key ring on SQLite.</summary>
    public const string KeysFolder = "DataProtection-Keys";

    /// <summary>
    /// ASP.NET Core Data Protection with a key ring that survives restarts (a folder under App_Data on SQLite, a table
    /// in the shared schema on PostgreSQL, chosen from <c>MedTour:Database:Provider</c> when the key ring is first
    /// used) and a purpose per tenant on every protector.
    /// </summary>
    public static IServiceCollection AddMedTourDataProtection(this IServiceCollection services)
    {
        // A fixed application name: the default is the content root, which differs between a container and a test run.
        services.AddDataProtection().SetApplicationName("MedTour.Cms");
        services.AddDbContext<DataProtectionKeysDbContext>((sp, options) => options.UseNpgsql(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
            o => o.MigrationsHistoryTable(DataProtectionKeysDbContext.HistoryTable, DataProtectionKeysDbContext.Schema)));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = KeyRepository(sp)));
        services.AddHostedService<DataProtectionKeysMigrator>();

        var original = services.Single(d => d.ServiceType == typeof(IDataProtectionProvider));
        var factory = original.ImplementationFactory ?? throw new InvalidOperationException("Data Protection registered its provider without a factory.");
        services.Remove(original);
        services.AddSingleton<IDataProtectionProvider>(sp => new TenantDataProtectionProvider((IDataProtectionProvider)factory(sp), sp.GetRequiredService<IHttpContextAccessor>()));
        return services;
    }

    public static bool UsesDatabase(DatabaseOptions database) =>
        string.Equals(database.Provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase);

    private static IXmlRepository KeyRepository(IServiceProvider services)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return UsesDatabase(services.GetRequiredService<IOptions<DatabaseOptions>>().Value)
            ? new EntityFrameworkCoreXmlRepository<DataProtectionKeysDbContext>(services, loggers)
            : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(services.GetRequiredService<AppPaths>().AppData, KeysFolder)), loggers);
    }
}
