using System.Collections.Concurrent;
using System.Net;
using MedTour.Cms.Modules.Setup;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Tests.Security;

/// <summary>A failed setup makes <c>/health/ready</c> answer 503 with a generic reason; the exception goes to the log only.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly string _appData = Directory.CreateTempSubdirectory("medtour-ready-").FullName;
    private readonly CollectingLoggerProvider _log = new();

    [Fact]
    public async Task A_failed_setup_shows_a_generic_message_and_logs_the_exception()
    {
        await using var factory = new CmsAppFactory(_appData, null);
        factory.Settings["MedTour:DefaultRecipe"] = "no-such-recipe-xyz";
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_log)));
        _ = host.Server;
        await Assert.ThrowsAnyAsync<Exception>(() => host.Services.GetRequiredService<SetupStatus>().Completion.WaitAsync(TimeSpan.FromMinutes(1)));

        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy: Setup failed; the reason is in the host's log.", body);
        Assert.DoesNotContain("no-such-recipe-xyz", body, StringComparison.Ordinal);
        Assert.Contains(_log.Messages, m => m.Contains("no-such-recipe-xyz", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return TempFolder.DeleteAsync(_appData);
    }

    /// <summary>Keeps every error logged (with its exception's message) for the test to read.</summary>
    private sealed class CollectingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Enqueue(formatter(state, exception) + " " + exception);
            }
        }

        public void Dispose()
        {
        }
    }
}
