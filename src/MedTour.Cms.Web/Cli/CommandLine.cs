using System.Diagnostics;
using MedTour.Cms.Modules.Setup;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Web.Cli;

/// <summary>
/// The CLI in the same executable (<c>MedTour.Cms.Web setup | tenant … | recipe …</c>): the same services as the
/// web host, without starting the server. Errors name what is wrong and exit with 2.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["setup", "tenant", "recipe", "user", "patient", "help"];

    /// <summary>
    /// The arguments the host's configuration may read: only <c>--Section:Key=value</c> overrides. Verbs and paths
    /// stay out (the command-line provider would read <c>/path value</c> as a switch and swallow the next word).
    /// </summary>
    public static string[] HostArguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return IsCommand(args) ? [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))] : args;
    }

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = CommandOptions.Parse(args);
        try
        {
            return (options.Positional.ElementAtOrDefault(0), options.Positional.ElementAtOrDefault(1)) switch
            {
                ("setup", _) => await SetupAsync(services),
                ("tenant", "list") => ListTenants(services),
                ("tenant", "create") => await CreateTenantAsync(services, options),
                ("tenant", "disable") => Print(await services.GetRequiredService<TenantManager>().DisableAsync(options.Required(2, "tenant name"))),
                ("tenant", "enable") => Print(await services.GetRequiredService<TenantManager>().EnableAsync(options.Required(2, "tenant name"))),
                ("tenant", "remove") => await RemoveTenantAsync(services, options),
                ("recipe", "import") => await RecipeCommands.ImportAsync(services, options, Console.Out),
                ("recipe", "export") => await RecipeCommands.ExportAsync(services, options, Console.Out),
                ("user", "create") => await UserCommands.CreateAsync(services, options),
                ("user", "reset-password") => await UserCommands.ResetPasswordAsync(services, options),
                ("patient", "export") => await PatientCommands.ExportAsync(services, options, Console.Out),
                ("patient", "erase") => await PatientCommands.EraseAsync(services, options, Console.Out),
                _ => Help(),
            };
        }
        catch (Exception e) when (e is TenantValidationException or TenantNotFoundException or RecipeException or ArgumentException or SetupException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }
    }

    private static async Task<int> SetupAsync(IServiceProvider services)
    {
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<SiteSetup>().RunAsync();
        Console.WriteLine($"Set up in {watch.ElapsedMilliseconds} ms.");
        return ListTenants(services);
    }

    private static int ListTenants(IServiceProvider services)
    {
        foreach (var tenant in services.GetRequiredService<TenantRegistry>().All.OrderBy(t => t.CreatedUtc))
        {
            Console.WriteLine($"{tenant.Name,-20} {tenant.State,-14} /{tenant.RequestUrlPrefix,-10} {string.Join(",", tenant.RequestUrlHosts),-28} {string.Join(",", tenant.Cultures)}");
        }

        return 0;
    }

    private static async Task<int> CreateTenantAsync(IServiceProvider services, CommandOptions options)
    {
        var manager = services.GetRequiredService<TenantManager>();
        var tenant = manager.Create(new TenantSettings
        {
            Name = options.Required(2, "tenant name"),
            RequestUrlPrefix = options.Named("prefix"),
            RequestUrlHosts = options.List("hosts"),
            Cultures = options.List("cultures") is { Count: > 0 } cultures ? cultures : ["en"],
            RecipeName = options.Named("recipe"),
            Features = options.List("features"),
            RecipeSkipUnsupported = options.Flag(RecipeCommands.SkipUnsupported),
            Database = new TenantDatabaseSettings { Provider = options.Named("database-provider"), Schema = options.Named("schema") },
        });
        var watch = Stopwatch.StartNew();
        await manager.SetupAsync(tenant.Name);
        Console.WriteLine($"Tenant {tenant.Name} created and set up in {watch.ElapsedMilliseconds} ms.");
        return 0;
    }

    private static async Task<int> RemoveTenantAsync(IServiceProvider services, CommandOptions options)
    {
        var name = options.Required(2, "tenant name");
        await services.GetRequiredService<TenantManager>().RemoveAsync(name, options.Flag("force"));
        Console.WriteLine($"Tenant {name} removed.");
        return 0;
    }

    private static int Print(TenantSettings tenant)
    {
        Console.WriteLine($"{tenant.Name}: {tenant.State}");
        return 0;
    }

    private static int Help()
    {
        Console.WriteLine("""
            MedTour.Cms.Web [--MedTour:AppDataPath=…]            run the web host
            MedTour.Cms.Web setup                                  set up the Default tenant and every tenant not yet running
            MedTour.Cms.Web tenant list
            MedTour.Cms.Web tenant create NAME [--prefix P] [--hosts H1,H2] [--cultures C1,C2] [--recipe R] [--database-provider Sqlite|Postgres]
            MedTour.Cms.Web tenant disable|enable NAME
            MedTour.Cms.Web tenant remove NAME [--force]
            MedTour.Cms.Web recipe import TENANT FILE [--skip-unsupported]
            MedTour.Cms.Web recipe export TENANT
            MedTour.Cms.Web user create TENANT USER [--email E] [--role R …|--roles R1,R2] [--password P]
            MedTour.Cms.Web user reset-password TENANT USER [--password P]
            MedTour.Cms.Web patient export --tenant T --email E|--phone P [--country UA] [--zip FILE|--out FILE]
            MedTour.Cms.Web patient erase --tenant T --email E|--phone P [--country UA] --force
            """);
        return 0;
    }
}
