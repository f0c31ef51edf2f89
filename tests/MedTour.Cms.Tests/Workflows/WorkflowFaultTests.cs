using System.Diagnostics;
using System.Text.Json;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Workflows.Host;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Runtime;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>
/// The faults: a host process killed in the middle of a workflow (a real child process running the Web project),
/// a timer due while no workflow host ran, and (PostgreSQL) two hosts on one database.
/// </summary>
public abstract class WorkflowFaultTests(SiteFixture site, Func<bool, Task> setHost)
{
    protected const string Tenant = "europe";

    [Fact]
    public async Task A_host_process_killed_in_the_middle_of_a_workflow_resumes_where_it_stopped_after_a_restart()
    {
        await setHost(false);
        var typeId = WorkflowHostTests.Unique("kill");
        await SaveTypeAsync(WorkflowTypes.Parse($$"""
            { "WorkflowTypeId": "{{typeId}}", "Name": "{{typeId}}",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "form-{{typeId}}" } },
                { "ActivityId": "a", "Name": "SetPropertyTask", "Properties": { "PropertyName": "A", "Value": { "Expression": "(property('A') || 0) + 1" } } },
                { "ActivityId": "slow", "Name": "ScriptTask", "Properties": { "Script": { "Expression": "var t = Date.now(); while (Date.now() - t < 6000) {} setProperty('Slow', (property('Slow') || 0) + 1);" } } },
                { "ActivityId": "b", "Name": "SetPropertyTask", "Properties": { "PropertyName": "B", "Value": { "Expression": "(property('B') || 0) + 1" } } } ],
              "Transitions": [
                { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "a" },
                { "SourceActivityId": "a", "SourceOutcomeName": "Done", "DestinationActivityId": "slow" },
                { "SourceActivityId": "slow", "SourceOutcomeName": "Done", "DestinationActivityId": "b" } ] }
            """));
        await WithDbAsync(db =>
        {
            db.WorkflowEvents.Add(new WorkflowEventRecord { Name = "FormSubmitted", CorrelationId = "EU-" + typeId, Payload = JsonSerializer.Serialize(new { FormName = "form-" + typeId }), CreatedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        // A second host process on the same App_Data and database: its workflow host takes the event at start.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using (var child = StartWebProcess(output))
        {
            try
            {
                var inSlowStep = await Eventually.WithinAsync(TimeSpan.FromSeconds(180), async () =>
                    (await InstanceAsync(typeId)) is { } row && WorkflowInstanceStore.Read(row).Journal.Exists(j => j.ActivityId == "a"));
                Assert.True(inSlowStep is not null, "the child process did not start the workflow: " + string.Join("\n", output.TakeLast(30)));
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }
        }

        var killed = WorkflowInstanceStore.Read((await InstanceAsync(typeId))!);
        Assert.Equal(WorkflowStatus.Executing, killed.Status);
        Assert.Equal(["slow"], killed.Scheduled);

        // The killed run's claim runs out (2 s here); a host then continues at the first activity not checkpointed.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await site.Service<WorkflowHost>().RunOnceAsync();

        var resumed = WorkflowInstanceStore.Read((await InstanceAsync(typeId))!);
        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal(["start", "a", "slow", "b"], resumed.Journal.Select(j => j.ActivityId));
        Assert.Equal((1, 1, 1), (resumed.Properties["A"]!.GetValue<int>(), resumed.Properties["Slow"]!.GetValue<int>(), resumed.Properties["B"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_timer_due_while_the_host_process_was_down_fires_once_after_the_restart()
    {
        await setHost(false); // only the child processes run a workflow host
        var typeId = WorkflowHostTests.Unique("timer");
        await SaveTypeAsync(WorkflowTypes.Parse($$"""
            { "WorkflowTypeId": "{{typeId}}", "Name": "{{typeId}}",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "form-{{typeId}}" } },
                { "ActivityId": "sla", "Name": "TimerEvent", "Properties": { "Delay": { "Expression": "00:00:03" } } },
                { "ActivityId": "alert", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Alerts", "Value": { "Expression": "(property('Alerts') || 0) + 1" } } } ],
              "Transitions": [
                { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "sla" },
                { "SourceActivityId": "sla", "SourceOutcomeName": "Done", "DestinationActivityId": "alert" } ] }
            """));
        await WithDbAsync(db =>
        {
            db.WorkflowEvents.Add(new WorkflowEventRecord { Name = "FormSubmitted", CorrelationId = "EU-" + typeId, Payload = JsonSerializer.Serialize(new { FormName = "form-" + typeId }), CreatedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        // A host process starts the instance, which blocks on the 3 s timer; the process is killed before the timer is due
        // (its next poll is 30 s away, so only the kill stops it from firing the timer itself).
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await RunWebProcessUntilAsync(output, async () => (await InstanceAsync(typeId))?.Status == nameof(WorkflowStatus.Halted), "start the workflow");
        var halted = (await InstanceAsync(typeId))!;
        Assert.NotNull(halted.DueUtc);

        // Down past the due time: nothing fires it.
        var wait = halted.DueUtc!.Value - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var whileDown = WorkflowInstanceStore.Read((await InstanceAsync(typeId))!);
        Assert.Equal(WorkflowStatus.Halted, whileDown.Status);
        Assert.DoesNotContain(whileDown.Journal, j => j.ActivityId == "alert");

        // Started again: its first pass fires the timer that came due while it was down.
        await RunWebProcessUntilAsync(output, async () => (await InstanceAsync(typeId))?.Status == nameof(WorkflowStatus.Finished), "fire the timer after the restart");
        // Later passes (here, and the restarted process's) find nothing more to fire.
        await site.Service<WorkflowHost>().RunOnceAsync();
        await site.Service<WorkflowHost>().RunOnceAsync();

        var state = WorkflowInstanceStore.Read((await InstanceAsync(typeId))!);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(1, state.Properties["Alerts"]!.GetValue<int>());
        Assert.Equal(["start", "sla", "sla", "alert"], state.Journal.Select(j => j.ActivityId));
    }

    /// <summary>Runs a host process on the site's App_Data and database until <paramref name="done"/> holds, then kills it.</summary>
    private async Task RunWebProcessUntilAsync(System.Collections.Concurrent.ConcurrentQueue<string> output, Func<Task<bool>> done, string what)
    {
        using var child = StartWebProcess(output);
        try
        {
            var reached = await Eventually.WithinAsync(TimeSpan.FromSeconds(180), async () => await done());
            Assert.True(reached is not null, $"the child process did not {what}: " + string.Join("\n", output.TakeLast(30)));
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
    }

    private Process StartWebProcess(System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/MedTour.Cms.Web"));
        // The host built in the same configuration as these tests (Release under test.sh, Debug in an IDE): bin/{configuration}/net10.0.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "MedTour.Cms.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>();
        WorkflowHostSettings.Apply(settings, hostEnabled: true);
        settings["MedTour:AppDataPath"] = site.Factory.AppData;
        settings["MedTour:Admin:Password"] = CmsAppFactory.AdminPassword;
        if (site.PostgresConnection is { } postgres)
        {
            settings["MedTour:Database:Provider"] = "Postgres";
            settings["MedTour:Database:ConnectionString"] = postgres;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    protected async Task SaveTypeAsync(WorkflowType type)
    {
        await using var scope = site.TenantScope(Tenant);
        await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().SaveAsync(type);
    }

    protected Task<WorkflowInstanceRecord?> InstanceAsync(string typeId) =>
        WithDbAsync(db => db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.WorkflowTypeId == typeId));

    protected async Task<T> WithDbAsync<T>(Func<CmsDbContext, Task<T>> work)
    {
        await using var scope = site.TenantScope(Tenant);
        return await work(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }
}

[Collection(WorkflowFaultSqliteCollection.Name)]
public sealed class SqliteWorkflowFaultTests(WorkflowFaultSqliteSite site) : WorkflowFaultTests(site, async enabled =>
{
    if (site.HostEnabled != enabled)
    {
        site.HostEnabled = enabled;
        await site.RestartAsync();
    }
});

[Collection(WorkflowFaultPostgresCollection.Name)]
public sealed class PostgresWorkflowFaultTests(WorkflowFaultPostgresSite site) : WorkflowFaultTests(site, async enabled =>
{
    if (site.HostEnabled != enabled)
    {
        site.HostEnabled = enabled;
        await site.RestartAsync();
    }
})
{
    private readonly WorkflowFaultPostgresSite _site = site;

    [Fact]
    public async Task Two_hosts_on_one_PostgreSQL_database_start_each_instance_and_queue_each_mail_once()
    {
        var typeId = WorkflowHostTests.Unique("farm");
        await SaveTypeAsync(WorkflowTypes.Parse($$$"""
            { "WorkflowTypeId": "{{{typeId}}}", "Name": "{{{typeId}}}",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "form-{{{typeId}}}" } },
                { "ActivityId": "mail", "Name": "SendEmailTask", "Properties": {
                    "To": { "Expression": "coordinator@medtour.example" },
                    "Subject": { "Expression": "Request {{ Workflow.CorrelationId }}" }, "Body": { "Expression": "<p>{{ Workflow.CorrelationId }}</p>" } } } ],
              "Transitions": [ { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "mail" } ] }
            """));
        const int count = 60;
        await WithDbAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.WorkflowEvents.Add(new WorkflowEventRecord { Name = "FormSubmitted", CorrelationId = $"EU-{typeId}-{i}", Payload = JsonSerializer.Serialize(new { FormName = "form-" + typeId }), CreatedUtc = DateTime.UtcNow });
            }

            return db.SaveChangesAsync();
        });

        await using var second = new CliProcess(_site);
        var tenantHere = _site.Service<TenantRegistry>().Find(Tenant)!;
        var tenantThere = second.Service<TenantRegistry>().Find(Tenant)!;
        var hosts = new[] { (_site.Service<WorkflowHost>(), tenantHere), (second.Service<WorkflowHost>(), tenantThere) };
        // Both hosts pass over the tenant at the same time, again and again, until every event is handled.
        for (var round = 0; round < 20 && await WithDbAsync(db => db.WorkflowEvents.AnyAsync(e => e.ProcessedUtc == null && e.CorrelationId.StartsWith("EU-" + typeId))); round++)
        {
            await Task.WhenAll(hosts.Select(h => Task.Run(() => h.Item1.RunOnceAsync(h.Item2))));
        }

        var instances = await WithDbAsync(db => db.WorkflowInstances.AsNoTracking().Where(i => i.WorkflowTypeId == typeId).ToListAsync());
        Assert.Equal(count, instances.Count);
        Assert.All(instances, i => Assert.Equal(nameof(WorkflowStatus.Finished), i.Status));
        Assert.Equal(count, instances.Select(i => i.CorrelationId).Distinct().Count());
        var ids = instances.Select(i => i.WorkflowId + "/").ToList();
        var mails = await WithDbAsync(db => db.MailOutbox.AsNoTracking().Where(m => m.Subject.StartsWith("Request EU-" + typeId)).Select(m => m.Subject).ToListAsync());
        Assert.Equal(count, mails.Count);
        Assert.Equal(count, mails.Distinct().Count());
    }
}
