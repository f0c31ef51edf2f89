using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>
/// Sites whose workflow host runs: a long poll (so only the wake-up can explain a quick reaction), a short claim lease (a
/// killed run's instance returns within seconds), webhooks allowed to reach the test's own listener, slow scripts allowed.
/// <see cref="HostEnabled"/> lets a fault test start a host without its workflow host.
/// </summary>
public static class WorkflowHostSettings
{
    public static void Apply(Dictionary<string, string> settings, bool hostEnabled)
    {
        settings["MedTour:Workflows:HostEnabled"] = hostEnabled ? "true" : "false";
        settings["MedTour:Workflows:PollInterval"] = "00:00:30";
        settings["MedTour:Workflows:ClaimLease"] = "00:00:02";
        settings["MedTour:Workflows:AllowPrivateNetworks"] = "true";
        settings["MedTour:Workflows:EffectBaseDelay"] = "00:00:00.200";
        settings["MedTour:Workflows:ScriptTimeout"] = "00:00:30";
        settings["MedTour:Workflows:ScriptMaxStatements"] = "1000000000";
        settings["MedTour:Workflows:ScriptMemoryBytes"] = "4000000000"; // Jint counts bytes allocated: a 6 s busy loop allocates a lot
        settings["MedTour:Mail:SenderEnabled"] = "false";
    }
}

public class WorkflowHostSqliteSite : SqliteSite
{
    public bool HostEnabled { get; set; } = true;

    protected override void Configure(Dictionary<string, string> settings) => WorkflowHostSettings.Apply(settings, HostEnabled);
}

public class WorkflowHostPostgresSite : PostgresSite
{
    public bool HostEnabled { get; set; } = true;

    protected override void Configure(Dictionary<string, string> settings) => WorkflowHostSettings.Apply(settings, HostEnabled);
}

/// <summary>Restarted by its tests, its workflow host off unless a test turns it on: a collection of its own.</summary>
public sealed class WorkflowFaultSqliteSite : WorkflowHostSqliteSite
{
    public WorkflowFaultSqliteSite() => HostEnabled = false;
}

public sealed class WorkflowFaultPostgresSite : WorkflowHostPostgresSite
{
    public WorkflowFaultPostgresSite() => HostEnabled = false;
}

[CollectionDefinition(Name)]
public sealed class WorkflowHostSqliteCollection : ICollectionFixture<WorkflowHostSqliteSite>
{
    public const string Name = "Workflow host on SQLite";
}

[CollectionDefinition(Name)]
public sealed class WorkflowHostPostgresCollection : ICollectionFixture<WorkflowHostPostgresSite>
{
    public const string Name = "Workflow host on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class WorkflowFaultSqliteCollection : ICollectionFixture<WorkflowFaultSqliteSite>
{
    public const string Name = "Workflow faults on SQLite";
}

[CollectionDefinition(Name)]
public sealed class WorkflowFaultPostgresCollection : ICollectionFixture<WorkflowFaultPostgresSite>
{
    public const string Name = "Workflow faults on PostgreSQL";
}
