using MedTour.Cms.Modules.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>The real host on an App_Data folder of its own, on SQLite or on a PostgreSQL database of its own.</summary>
public sealed class CmsAppFactory(string appData, string? postgres, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-admin-password-42";

    public string AppData { get; } = appData;

    /// <summary>Settings of this test's host, applied last (e.g. <c>environment</c>, <c>MedTour:Proxy:KnownProxies:0</c>).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Extra log sinks of this test's host (a test that reads what was logged).</summary>
    public List<Microsoft.Extensions.Logging.ILoggerProvider> LoggerProviders { get; } = [];

    public async Task WaitUntilReadyAsync()
    {
        _ = Server;
        await Services.GetRequiredService<SetupStatus>().Completion.WaitAsync(TimeSpan.FromMinutes(3));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("MedTour:AppDataPath", AppData);
        builder.UseSetting("MedTour:Admin:Password", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (postgres is not null)
        {
            builder.UseSetting("MedTour:Database:Provider", "Postgres");
            builder.UseSetting("MedTour:Database:ConnectionString", postgres);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            foreach (var provider in LoggerProviders)
            {
                logging.Services.AddSingleton(provider);
            }
        });
    }
}
