using MedTour.Cms.Web.Cli;
using MedTour.Cms.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>
/// The CLI as a second process would run it: its own service provider (own registry, caches, pools) on the same
/// App_Data and database as a running site, without starting a server.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly WebApplication _app;

    public CliProcess(SiteFixture site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        var settings = new Dictionary<string, string?>
        {
            ["MedTour:AppDataPath"] = site.Factory.AppData,
            ["MedTour:Admin:Password"] = CmsAppFactory.AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (site.PostgresConnection is { } postgres)
        {
            settings["MedTour:Database:Provider"] = "Postgres";
            settings["MedTour:Database:ConnectionString"] = postgres;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMedTourCms();
        _app = builder.Build();
    }

    public IServiceProvider Services => _app.Services;

    public Task<int> RunAsync(params string[] args) => CommandLine.RunAsync(_app.Services, args);

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
