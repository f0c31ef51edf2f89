using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Workflows.Activities;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Runtime;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>The runtime on a real database: instances persisted after every activity, resumed on their own type version, faults kept and retried.</summary>
public abstract class WorkflowRuntimeTests(SiteFixture site)
{
    private const string Tenant = "usa";

    [Fact]
    public async Task An_event_starts_a_persisted_instance_a_signal_resumes_it_on_the_version_it_started_on()
    {
        var typeId = "rt-" + Guid.NewGuid().ToString("N")[..8];
        var form = "form-" + typeId;
        await SaveTypeAsync(WorkflowTypes.SignalThenSet(typeId, form, "'v1'"));

        string workflowId;
        await using (var scope = site.TenantScope(Tenant))
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var result = await runtime.TriggerAsync(Submitted(form, "UA-RT-" + typeId), "event-1");
            workflowId = Assert.Single(result.Started);
            Assert.Empty((await runtime.TriggerAsync(Submitted(form, "UA-RT-" + typeId), "event-1")).Started); // the same event again starts nothing
        }

        // A new version of the type meanwhile: the running instance keeps version 1.
        await SaveTypeAsync(WorkflowTypes.SignalThenSet(typeId, form, "'v2'"));

        await using (var scope = site.TenantScope(Tenant))
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var stored = (await runtime.FindAsync(workflowId))!;
            Assert.Equal(WorkflowStatus.Halted, stored.Status);
            Assert.Equal(1, stored.WorkflowTypeVersion);
            Assert.Equal(["start", "one", "take"], stored.Journal.Select(j => j.ActivityId));
            Assert.Equal(1, stored.Properties["Step"]!.GetValue<int>());

            Assert.Empty((await runtime.SignalAsync("UA-RT-other", "take")).Resumed);
            Assert.Equal([workflowId], (await runtime.SignalAsync("UA-RT-" + typeId, "take")).Resumed);

            var finished = (await runtime.FindAsync(workflowId))!;
            Assert.Equal(WorkflowStatus.Finished, finished.Status);
            Assert.Equal("v1", finished.Properties["Step"]!.GetValue<string>());
            var listed = Assert.Single((await runtime.ListAsync(new WorkflowInstanceQuery(WorkflowTypeId: typeId))).Items);
            Assert.Equal((WorkflowStatus.Finished, 1), (listed.Status, listed.WorkflowTypeVersion));
        }
    }

    [Fact]
    public async Task A_faulted_instance_keeps_its_error_and_runs_again_from_the_failed_activity_on_retry()
    {
        var typeId = "rt-" + Guid.NewGuid().ToString("N")[..8];
        var form = "form-" + typeId;
        // Fails until the workflow's own property says otherwise: the retry is made to succeed by the first run's SetPropertyTask.
        await SaveTypeAsync(WorkflowTypes.Parse($$"""
            { "WorkflowTypeId": "{{typeId}}", "Name": "{{typeId}}",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "{{form}}" } },
                { "ActivityId": "fragile", "Name": "ScriptTask", "Properties": { "Script": { "Expression": "var n = (property('tries') || 0) + 1; setProperty('tries', n); if (n < 2) { throw new Error('remote down'); } n;" } } } ],
              "Transitions": [ { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "fragile" } ] }
            """));

        await using var scope = site.TenantScope(Tenant);
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var workflowId = Assert.Single((await runtime.TriggerAsync(Submitted(form, "UA-F-" + typeId))).Started);

        var faulted = Assert.Single((await runtime.ListAsync(new WorkflowInstanceQuery(typeId, WorkflowStatus.Faulted))).Items);
        Assert.Equal(workflowId, faulted.WorkflowId);
        Assert.Contains("remote down", faulted.FaultMessage, StringComparison.Ordinal);
        Assert.Equal("fragile", (await runtime.FindAsync(workflowId))!.Fault!.ActivityId);

        Assert.True(await runtime.RetryAsync(workflowId));
        var done = (await runtime.FindAsync(workflowId))!;
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Null(done.Fault);
        Assert.Equal(["start:", "fragile:fault", "fragile:"], done.Journal.Select(j => $"{j.ActivityId}:{(j.Name == "fault" ? "fault" : "")}"));
        Assert.Equal(2, done.Properties["tries"]!.GetValue<int>());
        Assert.False(await runtime.RetryAsync(workflowId)); // finished: nothing to retry
    }

    internal static WorkflowEvent Submitted(string form, string reference) =>
        new(FormSubmittedEvent.Event, new JsonObject { ["FormName"] = form, ["Reference"] = reference }, reference);

    private async Task SaveTypeAsync(WorkflowType type)
    {
        await using var scope = site.TenantScope(Tenant);
        await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().SaveAsync(type);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWorkflowRuntimeTests(SqliteSite site) : WorkflowRuntimeTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkflowRuntimeTests(PostgresSite site) : WorkflowRuntimeTests(site);
