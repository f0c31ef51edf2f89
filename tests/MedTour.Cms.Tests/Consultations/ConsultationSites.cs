using System.Collections.Concurrent;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>
/// The sites for consultation tests: a short minimum time to submit, quick mail retries, the background sender off (tests
/// drive it), and every log line of the host kept (the no-health-data-in-logs test reads them).
/// </summary>
public static class ConsultationSettings
{
    public static readonly TimeSpan MinimumTimeToSubmit = TimeSpan.FromMilliseconds(400);

    public static void Apply(Dictionary<string, string> settings, CmsAppFactory factory, CapturedLogs logs)
    {
        settings["MedTour:Forms:MinimumTimeToSubmit"] = "00:00:00.400";
        settings["MedTour:Mail:SenderEnabled"] = "false";
        settings["MedTour:Workflows:HostEnabled"] = "false";
        settings["MedTour:Mail:BaseDelay"] = "00:00:00.200";
        settings["MedTour:Mail:MaxDelay"] = "00:00:01";
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:Console:LogLevel:Default"] = "Warning";
        factory.LoggerProviders.Add(logs);
    }
}

/// <summary>Every message any logger of the host wrote, formatted, with its exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

public sealed class ConsultationSqliteSite : SqliteSite
{
    public CapturedLogs Logs { get; } = new();

    protected override void Configure(CmsAppFactory factory) => ConsultationSettings.Apply(factory.Settings, factory, Logs);
}

public sealed class ConsultationPostgresSite : PostgresSite
{
    public CapturedLogs Logs { get; } = new();

    protected override void Configure(CmsAppFactory factory) => ConsultationSettings.Apply(factory.Settings, factory, Logs);
}

[CollectionDefinition(Name)]
public sealed class ConsultationSqliteCollection : ICollectionFixture<ConsultationSqliteSite>
{
    public const string Name = "Consultations on SQLite";
}

[CollectionDefinition(Name)]
public sealed class ConsultationPostgresCollection : ICollectionFixture<ConsultationPostgresSite>
{
    public const string Name = "Consultations on PostgreSQL";
}
