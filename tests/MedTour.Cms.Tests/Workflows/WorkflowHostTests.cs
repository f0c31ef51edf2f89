using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Email;
using MedTour.Cms.Modules.Workflows.Host;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Runtime;
using MedTour.Cms.Modules.Workflows.Signals;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Inbox;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>The background host with real events: the outbox of events, content events, mail, webhooks, signal links, purge.</summary>
public abstract partial class WorkflowHostTests(SiteFixture site)
{
    private const string Tenant = "europe";

    [Fact]
    public async Task A_committed_event_is_handled_at_once_not_at_the_next_poll()
    {
        var typeId = Unique("wake");
        await SaveTypeAsync(WorkflowTypes.SignalThenSet(typeId, "form-" + typeId));

        await AddEventAsync("FormSubmitted", "UA-" + typeId, new { FormName = "form-" + typeId });

        // The poll is 30 s: only the wake-up gets the instance started within 20 s (a bound for a loaded machine).
        Assert.NotNull(await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () =>
            (await InstancesAsync(typeId)) is [{ Status: nameof(WorkflowStatus.Halted) }]));
        Assert.NotNull(await Eventually.WithinAsync(TimeSpan.FromSeconds(20), () => WithDbAsync(db =>
            db.WorkflowEvents.AnyAsync(e => e.CorrelationId == "UA-" + typeId && e.ProcessedUtc != null))));
    }

    [Fact]
    public async Task Publishing_an_item_raises_ContentPublished_in_its_transaction_and_starts_the_workflow_listening_for_it()
    {
        var typeId = Unique("publish");
        await SaveTypeAsync(WorkflowTypes.Parse($$"""
            { "WorkflowTypeId": "{{typeId}}", "Name": "{{typeId}}",
              "Activities": [
                { "ActivityId": "published", "Name": "ContentPublishedEvent", "IsStart": true, "Properties": { "ContentTypeFilter": ["Article"] } },
                { "ActivityId": "note", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Item", "Value": { "Expression": "input('ContentItemId')" } } } ],
              "Transitions": [ { "SourceActivityId": "published", "SourceOutcomeName": "Done", "DestinationActivityId": "note" } ] }
            """));

        var article = Articles.New("Workflow article " + typeId, Articles.UniquePath("wf"));
        await using (var scope = site.TenantScope(Tenant))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article, VersionOptions.Draft);
            Assert.False(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().WorkflowEvents.AnyAsync(e => e.CorrelationId == article.ContentItemId && e.Name == "ContentPublished"));
            await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(article);
        }

        Assert.NotNull(await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () => (await InstancesAsync(typeId)).Exists(i => i.Status == nameof(WorkflowStatus.Finished))));
        var state = WorkflowInstanceStore.Read(Assert.Single(await InstancesAsync(typeId)));
        Assert.Equal(article.ContentItemId, state.Properties["Item"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendEmail_puts_one_mail_per_recipient_in_the_outbox_from_the_site_never_from_the_visitor()
    {
        var typeId = Unique("mail");
        await SaveTypeAsync(WorkflowTypes.Parse($$$"""
            { "WorkflowTypeId": "{{{typeId}}}", "Name": "{{{typeId}}}",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "form-{{{typeId}}}" } },
                { "ActivityId": "mail", "Name": "EmailTask", "Properties": {
                    "Sender": { "Expression": "{{ Workflow.Input.Visitor }}" },
                    "To": { "Expression": "coordinator-{{{typeId}}}@medtour.example; lead-{{{typeId}}}@medtour.example" },
                    "Subject": { "Expression": "Request {{ Workflow.CorrelationId }} is waiting" },
                    "Body": { "Expression": "<p>Request <b>{{ Workflow.CorrelationId }}</b> is waiting.</p>" } } } ],
              "Transitions": [ { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "mail" } ] }
            """));

        await AddEventAsync("FormSubmitted", "EU-" + typeId, new { FormName = "form-" + typeId, Visitor = "patient@example.org" });

        Assert.NotNull(await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () => (await InstancesAsync(typeId)).Exists(i => i.Status == nameof(WorkflowStatus.Finished))));
        var workflowId = Assert.Single(await InstancesAsync(typeId)).WorkflowId;
        var mails = await WithDbAsync(db => db.MailOutbox.AsNoTracking().Where(m => m.Key.StartsWith(workflowId + "/")).ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("Request EU-" + typeId + " is waiting", m.Subject));

        await site.Service<MailSender>().SendDueAsync(site.Service<TenantRegistry>().Find(Tenant)!);
        var folder = Path.Combine(site.Factory.AppData, "Sites", Tenant, "Mail");
        var sent = Directory.GetFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.Subject == "Request EU-" + typeId + " is waiting").ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.DoesNotContain("patient@example.org", m.From.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            [$"coordinator-{typeId}@medtour.example", $"lead-{typeId}@medtour.example"],
            sent.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_webhook_is_called_once_with_its_idempotency_key_after_the_receiver_first_fails()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<(string Key, string Body)>();
        var calls = 0;
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                var context = await listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                // The first call fails: the host must try again.
                context.Response.StatusCode = Interlocked.Increment(ref calls) == 1 ? 503 : 204;
                if (context.Response.StatusCode == 204)
                {
                    lock (received)
                    {
                        received.Add((context.Request.Headers["Idempotency-Key"]!, body));
                    }
                }

                context.Response.Close();
            }
        });

        var typeId = Unique("hook");
        await SaveTypeAsync(WorkflowTypes.Parse($$$"""
            { "WorkflowTypeId": "{{{typeId}}}", "Name": "{{{typeId}}}",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "form-{{{typeId}}}" } },
                { "ActivityId": "hook", "Name": "HttpRequestTask", "Properties": {
                    "Url": { "Expression": "http://127.0.0.1:{{{port}}}/hook" }, "HttpMethod": "POST",
                    "Body": { "Expression": "{\"reference\":\"{{ Workflow.CorrelationId }}\"}" } } } ],
              "Transitions": [ { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "hook" } ] }
            """));

        await AddEventAsync("FormSubmitted", "EU-" + typeId, new { FormName = "form-" + typeId });

        Assert.NotNull(await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () =>
        {
            await site.Service<WorkflowHost>().RunOnceAsync();
            lock (received)
            {
                return received.Count > 0;
            }
        }));
        await site.Service<WorkflowHost>().RunOnceAsync();
        var call = Assert.Single(received);
        Assert.Equal($"{{\"reference\":\"EU-{typeId}\"}}", call.Body);
        var effect = await WithDbAsync(db => db.WorkflowEffects.AsNoTracking().SingleAsync(e => e.Key == call.Key));
        Assert.NotNull(effect.DoneUtc);
        Assert.Equal(2, effect.Attempts);
    }

    [Fact]
    public async Task A_signal_link_made_in_a_background_scope_opens_and_resumes_the_instance_over_HTTP()
    {
        var typeId = Unique("signal");
        await SaveTypeAsync(WorkflowTypes.SignalThenSet(typeId, "form-" + typeId));
        string path, forged;
        await using (var scope = site.TenantScope(Tenant))
        {
            Assert.Single((await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().TriggerAsync(WorkflowRuntimeTests.Submitted("form-" + typeId, "EU-" + typeId))).Started);
            path = scope.ServiceProvider.GetRequiredService<SignalLinks>().PathFor("EU-" + typeId, "take");
        }

        await using (var other = site.TenantScope("usa"))
        {
            forged = other.ServiceProvider.GetRequiredService<SignalLinks>().PathFor("EU-" + typeId, "take");
        }

        var client = site.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/eu" + forged)).StatusCode); // another site's link
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/eu" + path[..^4] + "abcd")).StatusCode);

        var page = await client.GetAsync("/eu" + path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var fields = HiddenFields().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/eu/workflows/signal", new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = fields["t"] }))).StatusCode);
        Assert.Equal(nameof(WorkflowStatus.Halted), Assert.Single(await InstancesAsync(typeId)).Status);

        var posted = await client.PostAsync("/eu/workflows/signal", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Done", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(nameof(WorkflowStatus.Finished), Assert.Single(await InstancesAsync(typeId)).Status);
    }

    [Fact]
    public async Task Finished_instances_past_the_retention_period_are_purged_in_batches_and_the_others_kept()
    {
        var typeId = Unique("purge");
        var old = DateTime.UtcNow.AddDays(-60);
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < 1200; i++)
            {
                db.WorkflowInstances.Add(Row(typeId, $"{typeId}-f{i}", WorkflowStatus.Finished, old));
            }

            db.WorkflowInstances.Add(Row(typeId, $"{typeId}-faulted", WorkflowStatus.Faulted, old));
            db.WorkflowInstances.Add(Row(typeId, $"{typeId}-halted", WorkflowStatus.Halted, old));
            db.WorkflowInstances.Add(Row(typeId, $"{typeId}-recent", WorkflowStatus.Finished, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        await using (var scope = site.TenantScope(Tenant))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<WorkflowPurge>().PurgeAsync() >= 1200);
        }

        Assert.Equal([$"{typeId}-faulted", $"{typeId}-halted", $"{typeId}-recent"], (await InstancesAsync(typeId)).Select(i => i.WorkflowId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Notify_adds_an_alert_to_the_request_s_history_and_CreateContentItem_makes_one_item_or_faults_without_a_request()
    {
        var typeId = Unique("notify");
        await SaveTypeAsync(WorkflowTypes.Parse($$$"""
            { "WorkflowTypeId": "{{{typeId}}}", "Name": "{{{typeId}}}",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "form-{{{typeId}}}" } },
                { "ActivityId": "notify", "Name": "NotifyTask", "Properties": { "NotificationType": "Warning", "Message": { "Expression": "Call {{ Workflow.CorrelationId }} back <today>" } } },
                { "ActivityId": "create", "Name": "CreateContentItemTask", "Properties": { "ContentType": "Coordinator", "Publish": false,
                    "ContentProperties": { "Expression": "{ \"DisplayText\": \"Follow-up {{ Workflow.CorrelationId }}\", \"TitlePart\": { \"Title\": \"Follow-up {{ Workflow.CorrelationId }}\" }, \"Coordinator\": { \"Email\": { \"Text\": \"follow-up@medtour.example\" } } }" } } } ],
              "Transitions": [
                { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "notify" },
                { "SourceActivityId": "notify", "SourceOutcomeName": "Done", "DestinationActivityId": "create" } ] }
            """));
        var request = await site.RequestAsync(null, withFile: false, tenant: Tenant);

        await AddEventAsync("FormSubmitted", request.Reference, new { FormName = "form-" + typeId });
        await AddEventAsync("FormSubmitted", "EU-NOSUCH-" + typeId, new { FormName = "form-" + typeId });

        Assert.NotNull(await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () => (await InstancesAsync(typeId)).Count(i => i.Status is nameof(WorkflowStatus.Finished) or nameof(WorkflowStatus.Faulted)) == 2));
        var instances = (await InstancesAsync(typeId)).Select(WorkflowInstanceStore.Read).ToList();
        var done = Assert.Single(instances, i => i.CorrelationId == request.Reference);
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        var faulted = Assert.Single(instances, i => i.CorrelationId != request.Reference);
        Assert.Equal((WorkflowStatus.Faulted, "notify"), (faulted.Status, faulted.Fault!.ActivityId));
        Assert.Contains("there is no consultation request", faulted.Fault.Message, StringComparison.Ordinal);

        var alert = Assert.Single(await site.HistoryAsync(request.Id, Tenant));
        Assert.Equal(("alert", "workflow"), (alert.Kind, alert.Actor));
        Assert.Equal($"Call {request.Reference} back <today>", ConsultationStore.Protector(site, Tenant, MedTour.Cms.Modules.Forms.SubmissionStore.FieldsPurpose).Unprotect(alert.ProtectedText!));

        var itemId = done.LastResult!["ContentItemId"]!.GetValue<string>();
        await using var scope = site.TenantScope(Tenant);
        var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(itemId, VersionOptions.Latest);
        Assert.NotNull(item);
        Assert.Equal(("Coordinator", "Follow-up " + request.Reference, false), (item.ContentType, item.DisplayText, item.Published));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(itemId, VersionOptions.Published));
    }

    private static WorkflowInstanceRecord Row(string typeId, string id, WorkflowStatus status, DateTime modified) => new()
    {
        WorkflowId = id, WorkflowTypeId = typeId, WorkflowTypeVersion = 1, Status = status.ToString(), CreatedUtc = modified, ModifiedUtc = modified,
        State = "{}",
    };

    internal static string Unique(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task SaveTypeAsync(WorkflowType type)
    {
        await using var scope = site.TenantScope(Tenant);
        await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().SaveAsync(type);
    }

    private async Task AddEventAsync(string name, string correlation, object payload)
    {
        await WithDbAsync(db =>
        {
            db.WorkflowEvents.Add(new WorkflowEventRecord { Name = name, CorrelationId = correlation, Payload = JsonSerializer.Serialize(payload), CreatedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        site.Service<WorkflowWake>().Notify();
    }

    private Task<List<WorkflowInstanceRecord>> InstancesAsync(string typeId) =>
        WithDbAsync(db => db.WorkflowInstances.AsNoTracking().Where(i => i.WorkflowTypeId == typeId).ToListAsync());

    private async Task<T> WithDbAsync<T>(Func<CmsDbContext, Task<T>> work)
    {
        await using var scope = site.TenantScope(Tenant);
        return await work(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenFields();
}

[Collection(WorkflowHostSqliteCollection.Name)]
public sealed class SqliteWorkflowHostTests(WorkflowHostSqliteSite site) : WorkflowHostTests(site);

[Collection(WorkflowHostPostgresCollection.Name)]
public sealed class PostgresWorkflowHostTests(WorkflowHostPostgresSite site) : WorkflowHostTests(site);
