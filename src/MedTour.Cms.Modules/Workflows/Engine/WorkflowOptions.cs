namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>Limits of the engine and pace of its host (configuration section <c>MedTour:Workflows</c>).</summary>
public sealed class WorkflowOptions
{
    /// <summary>Activities one run may execute before it is faulted: a loop of transitions stops here.</summary>
    public int MaxActivitiesPerRun { get; set; } = 200;

    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromSeconds(1);
    public long ScriptMemoryBytes { get; set; } = 16L * 1024 * 1024;
    public int ScriptRecursionLimit { get; set; } = 32;
    public int ScriptMaxStatements { get; set; } = 100_000;

    /// <summary>Off in hosts that must not run workflows in the background (a test drives <c>WorkflowHost.RunOnceAsync</c> itself).</summary>
    public bool HostEnabled { get; set; } = true;

    /// <summary>How often the host looks for work nobody woke it for (other hosts' events, timers coming due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a host owns an instance, an event or an effect it claimed; a crashed host's claims return after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>An event that keeps failing is given up (kept, with its error) after this many attempts.</summary>
    public int EventMaxAttempts { get; set; } = 10;

    /// <summary>A webhook that keeps failing is a dead effect after this many attempts.</summary>
    public int EffectMaxAttempts { get; set; } = 8;
    public TimeSpan EffectBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan EffectMaxDelay { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Webhooks may reach loopback, private and link-local addresses only when this is on (development, tests).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Finished instances (and handled events) are deleted this long after they finished.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
    public int PurgeBatchSize { get; set; } = 500;
}
