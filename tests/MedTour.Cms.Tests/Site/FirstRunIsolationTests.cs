using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Setup;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Tests.Site;

/// <summary>A bad regional recipe at first run fails that region only: the others and the Default site run, readiness and the log say so.</summary>
public sealed class FirstRunIsolationTests : IAsyncLifetime
{
    private const string Secret = "no-such-type-Spaceship";
    private readonly string _appData = Directory.CreateTempSubdirectory("medtour-badregion-").FullName;
    private readonly string _recipes = Directory.CreateTempSubdirectory("medtour-badrecipes-").FullName;

    [Fact]
    public async Task A_bad_regional_recipe_leaves_the_other_regions_and_the_default_site_running()
    {
        CopyRecipesWithABrokenUsa();
        var logs = new ConcurrentQueue<string>();
        await using var factory = new CmsAppFactory(_appData, postgres: null).WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MedTour:RecipesPath", _recipes);
            builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(logs)));
        });
        await factory.Services.GetRequiredService<SetupStatus>().Completion.WaitAsync(TimeSpan.FromMinutes(3));

        var registry = factory.Services.GetRequiredService<TenantRegistry>();
        Assert.All(new[] { "Default", "europe", "ukraine" }, name => Assert.Equal(TenantState.Running, registry.Find(name)!.State));
        Assert.NotEqual(TenantState.Running, registry.Find("usa")!.State);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/eu/liver-metastasis", UriKind.Relative))).StatusCode);

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var readyBody = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.DoesNotContain(Secret, readyBody, StringComparison.Ordinal);
        Assert.Contains(logs, line => line.Contains("usa", StringComparison.Ordinal) && line.Contains(Secret, StringComparison.Ordinal));
    }

    private void CopyRecipesWithABrokenUsa()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "recipes");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_recipes, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var usa = Path.Combine(_recipes, "medtour-usa.recipe.json");
        var recipe = JsonNode.Parse(File.ReadAllText(usa))!;
        recipe["steps"]!.AsArray().Add(JsonNode.Parse($$$"""{"name":"Content","data":[{"ContentItemId":"x","ContentType":"{{{Secret}}}","TitlePart":{"Title":"x"}}]}"""));
        File.WriteAllText(usa, recipe.ToJsonString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TempFolder.DeleteAsync(_appData);
        Directory.Delete(_recipes, recursive: true);
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
