using System.Net;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Runtime;
using MedTour.Cms.Modules.WorkflowsAdmin;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.WorkflowsAdmin;

/// <summary>
/// The workflow admin on the <c>ukraine</c> site: the editor saves a valid change as a new version and refuses bad JSON or
/// an unknown activity with a 400 naming it (nothing saved), enable/disable, and the retry of a faulted instance.
/// </summary>
public abstract class WorkflowsAdminTests(SiteFixture site)
{
    [Fact]
    public async Task A_valid_change_is_saved_as_a_new_version_and_the_old_version_is_kept()
    {
        var id = await SeedTypeAsync();
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var page = await admin.PageAsync(Path(id));
        var json = page.QuerySelector("textarea[name=json]")!.TextContent;
        Assert.Contains("\"LogTask\"", json, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-workflow-diagram] table"));

        using var response = await admin.PostFormAsync(Path(id), [new("json", json.Replace("first text", "second text", StringComparison.Ordinal))], Path(id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = site.TenantScope("ukraine");
        var store = scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>();
        Assert.Equal([2, 1], (await store.VersionsAsync(id)).Select(v => v.Version));
        Assert.Equal("second text", Text(await store.FindAsync(id, 2)));
        Assert.Equal("first text", Text(await store.FindAsync(id, 1)));
        Assert.Contains("Version 2", (await admin.PageAsync(Path(id))).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"WorkflowTypeId\": ", "JSON error at line 1")]
    [InlineData("{\"WorkflowTypeId\":\"ID\",\"Name\":\"Bad\",\"Activites\":[]}", "Activites")]
    [InlineData("LOGTSAK", "there is no activity named 'LogTsak'")]
    [InlineData("NOTEXT", "Activities[1] (LogTask \"log\"): Text")]
    [InlineData("OTHERID", "WorkflowTypeId must stay")]
    public async Task Bad_JSON_is_a_400_naming_the_problem_and_nothing_is_saved(string posted, string expected)
    {
        var id = await SeedTypeAsync();
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var valid = (await admin.PageAsync(Path(id))).QuerySelector("textarea[name=json]")!.TextContent;
        var json = posted switch
        {
            "LOGTSAK" => valid.Replace("\"LogTask\"", "\"LogTsak\"", StringComparison.Ordinal),
            "NOTEXT" => valid.Replace("\"Text\"", "\"Txet\"", StringComparison.Ordinal),
            "OTHERID" => valid.Replace(id, id + "-other", StringComparison.Ordinal),
            _ => posted.Replace("ID", id, StringComparison.Ordinal),
        };

        using var response = await admin.PostFormAsync(Path(id), [new("json", json)], Path(id));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var summary = AdminSession.Parse(html).QuerySelector("[data-error-summary]")!.TextContent;
        Assert.Contains(expected, summary, StringComparison.Ordinal);
        // What was typed is kept in the editor.
        Assert.Equal(json.ReplaceLineEndings("\n"), AdminSession.Parse(html).QuerySelector("textarea[name=json]")!.TextContent);
        await using var scope = site.TenantScope("ukraine");
        Assert.Equal([1], (await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().VersionsAsync(id)).Select(v => v.Version));
    }

    [Fact]
    public async Task A_new_type_starts_from_a_valid_example_and_cannot_take_an_existing_id()
    {
        var existing = await SeedTypeAsync();
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var starter = (await admin.PageAsync("/admin/workflows/new")).QuerySelector("textarea[name=json]")!.TextContent;
        var id = "wf-new-" + Guid.NewGuid().ToString("N")[..8];
        var json = starter.Replace("\"WorkflowTypeId\": \"\"", $"\"WorkflowTypeId\": \"{id}\"", StringComparison.Ordinal)
            .Replace("\"Name\": \"\"", "\"Name\": \"Created in the admin\"", StringComparison.Ordinal);

        using (var taken = await admin.PostFormAsync("/admin/workflows/new", [new("json", json.Replace(id, existing, StringComparison.Ordinal))], "/admin/workflows/new"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
            Assert.Contains($"A workflow type {existing} exists already.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var created = await admin.PostFormAsync("/admin/workflows/new", [new("json", json)], "/admin/workflows/new"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        await using var scope = site.TenantScope("ukraine");
        var store = scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>();
        Assert.Equal("Created in the admin", (await store.FindAsync(id))!.Name);
        Assert.Equal([1], (await store.VersionsAsync(existing)).Select(v => v.Version));
    }

    [Fact]
    public async Task Disabling_and_enabling_save_versions_and_the_list_shows_the_state()
    {
        var id = await SeedTypeAsync();
        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);

        using (var response = await admin.PostFormAsync(Path(id) + "/disable", [], Path(id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var row = (await admin.PageAsync("/admin/workflows")).QuerySelector($"tr[data-workflow-type='{id}']")!;
        Assert.Contains("Disabled", row.TextContent, StringComparison.Ordinal);
        using (var response = await admin.PostFormAsync(Path(id) + "/enable", [], Path(id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await using var scope = site.TenantScope("ukraine");
        var versions = await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().VersionsAsync(id);
        Assert.Equal([(3, true), (2, false), (1, true)], versions.Select(v => (v.Version, v.IsEnabled)));
    }

    [Fact]
    public async Task A_faulted_instance_is_retried_from_the_failed_activity_on_its_own_version()
    {
        var id = await SeedTypeAsync();
        var instance = await SeedFaultedInstanceAsync(id);
        // A newer version of the type must not be what the instance runs.
        await using (var scope = site.TenantScope("ukraine"))
        {
            var store = scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>();
            var newer = WorkflowTypeJson.Parse(WorkflowTypeJson.Format((await store.FindAsync(id))!)).Type!;
            newer.Activities.RemoveAt(1);
            newer.Transitions.Clear();
            Assert.Equal(2, await store.SaveAsync(newer));
        }

        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var list = await admin.PageAsync("/admin/workflows/instances?status=Faulted&type=" + id);
        Assert.NotNull(list.QuerySelector($"tr[data-instance='{instance}']"));
        var before = await admin.PageAsync($"/admin/workflows/instances/{instance}");
        Assert.Contains("boom", before.Body!.TextContent, StringComparison.Ordinal);

        using (var response = await admin.PostFormAsync($"/admin/workflows/instances/{instance}/retry", [], $"/admin/workflows/instances/{instance}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var flash = (await admin.PageAsync($"/admin/workflows/instances/{instance}")).QuerySelector(".flash")?.TextContent;
        var record = await ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance));
        Assert.True(record.Status == nameof(WorkflowStatus.Finished), $"{record.Status}: {record.FaultMessage} ({flash})");
        Assert.Equal(1, record.WorkflowTypeVersion);
        var state = WorkflowInstanceStore.Read(record);
        Assert.Contains(state.Journal, e => e.ActivityId == "log" && e.Outcomes.Contains("Done"));
        Assert.Contains("LogTask \"log\"", (await admin.PageAsync($"/admin/workflows/instances/{instance}")).Body!.TextContent, StringComparison.Ordinal);

        // Finished now: a second retry is refused and changes nothing.
        using (var again = await admin.PostFormAsync($"/admin/workflows/instances/{instance}/retry", [], $"/admin/workflows/instances/{instance}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("Only a faulted instance can be retried", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(record.State, (await ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance))).State);
    }

    [Fact]
    public async Task A_faulted_instance_another_run_holds_is_a_409_and_is_not_run()
    {
        var id = await SeedTypeAsync();
        var instance = await SeedFaultedInstanceAsync(id);
        var workflowId = await ReadAsync(db => db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instance).Select(i => i.WorkflowId).SingleAsync());
        await using (var scope = site.TenantScope("ukraine"))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<WorkflowInstanceStore>().TryClaimAsync(workflowId));
        }

        using var admin = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Administrator);
        var before = await ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance));
        using (var response = await admin.PostFormAsync($"/admin/workflows/instances/{instance}/retry", [], $"/admin/workflows/instances/{instance}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("The instance is being run or is no longer faulted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var after = await ReadAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instance));
        Assert.Equal(nameof(WorkflowStatus.Faulted), after.Status);
        Assert.Equal(before.State, after.State);
    }

    private static string Path(string id) => "/admin/workflows/types/" + id;

    private static string? Text(WorkflowType? type) => type?.FindActivity("log")?.Properties["Text"]?["Expression"]?.GetValue<string>();

    private async Task<string> SeedTypeAsync()
    {
        var id = "wf-admin-" + Guid.NewGuid().ToString("N")[..8];
        var type = WorkflowTypeJson.Parse("""
            {"WorkflowTypeId":"ID","Name":"Admin test ID","IsEnabled":true,
             "Activities":[
               {"ActivityId":"start","Name":"ContentPublishedEvent","IsStart":true,"Properties":{"ContentTypeFilter":["Article"]}},
               {"ActivityId":"log","Name":"LogTask","Properties":{"Text":{"Expression":"first text"}}}],
             "Transitions":[{"Id":1,"SourceActivityId":"start","SourceOutcomeName":"Done","DestinationActivityId":"log"}]}
            """.Replace("ID", id, StringComparison.Ordinal)).Type!;
        await using var scope = site.TenantScope("ukraine");
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().SaveAsync(type));
        return id;
    }

    /// <summary>An instance of version 1 that failed at "log" (as the runtime leaves one: the error, the journal, nothing scheduled).</summary>
    private async Task<long> SeedFaultedInstanceAsync(string typeId)
    {
        var now = DateTime.UtcNow;
        var state = new WorkflowState
        {
            WorkflowId = Guid.NewGuid().ToString("N"),
            WorkflowTypeId = typeId,
            WorkflowTypeVersion = 1,
            Status = WorkflowStatus.Faulted,
            Fault = new WorkflowFault("log", "boom"),
            Journal = [new JournalEntry("start", "ContentPublishedEvent", now, ["Done"]), new JournalEntry("log", "fault", now, [], "boom")],
            CreatedUtc = now,
            ModifiedUtc = now,
        };
        // Saved as the runtime saves it (its serializer, its columns), so the admin reads what the engine writes.
        await using var scope = site.TenantScope("ukraine");
        await scope.ServiceProvider.GetRequiredService<WorkflowInstanceStore>().CheckpointAsync(state, []);
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().WorkflowInstances.AsNoTracking()
            .Where(i => i.WorkflowId == state.WorkflowId).Select(i => i.Id).SingleAsync();
    }

    private async Task<T> ReadAsync<T>(Func<CmsDbContext, Task<T>> read)
    {
        await using var scope = site.TenantScope("ukraine");
        return await read(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWorkflowsAdminTests(SqliteSite site) : WorkflowsAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkflowsAdminTests(PostgresSite site) : WorkflowsAdminTests(site);
