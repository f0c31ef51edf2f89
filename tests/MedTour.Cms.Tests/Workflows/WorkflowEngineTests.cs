using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Workflows.Activities;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Tests.Workflows;

/// <summary>The workflow engine on its own: runs, waits, resumes, survives a crash between activities, stops loops and bad scripts.</summary>
public sealed class WorkflowEngineTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = true };
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<WorkflowState> _saved = [];
    private readonly WorkflowExecutor _executor;
    private readonly WorkflowTypeValidator _validator;

    public WorkflowEngineTests()
    {
        var library = new ActivityLibrary(
        [
            new IfElseTask(), new SwitchTask(), new SetPropertyTask(), new ScriptTask(), new LogTask(NullLogger<LogTask>.Instance),
            new ContentCreatedEvent(), new ContentPublishedEvent(), new FormSubmittedEvent(), new SignalEvent(), new TimerEvent(),
        ]);
        var options = Options.Create(new WorkflowOptions { MaxActivitiesPerRun = 50 });
        var expressions = new WorkflowExpressions(new LiquidEngine([], Options.Create(new LiquidOptions())), options);
        _executor = new WorkflowExecutor(library, expressions, options, _clock);
        _validator = new WorkflowTypeValidator(library);
    }

    // Written as Orchard exports a workflow type: expressions as { "Expression": … }, outcomes by name.
    private const string Consultation = """
        {
          "WorkflowTypeId": "wf-consultation", "Name": "Consultation", "IsEnabled": true, "IsSingleton": false,
          "Activities": [
            { "ActivityId": "submitted", "Name": "FormSubmittedEvent", "IsStart": true, "Properties": { "FormName": "consultation" } },
            { "ActivityId": "urgent", "Name": "IfElseTask", "Properties": { "Condition": { "Expression": "input('Condition') === 'metastases'" } } },
            { "ActivityId": "priority", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Priority", "Value": { "Expression": "'high'" } } },
            { "ActivityId": "take", "Name": "SignalEvent", "Properties": { "SignalName": { "Expression": "take" } } },
            { "ActivityId": "log", "Name": "LogTask", "Properties": { "LogLevel": 2, "Text": { "Expression": "Request {{ Workflow.CorrelationId }} taken" } } }
          ],
          "Transitions": [
            { "Id": 1, "SourceActivityId": "submitted", "SourceOutcomeName": "Done", "DestinationActivityId": "urgent" },
            { "Id": 2, "SourceActivityId": "urgent", "SourceOutcomeName": "True", "DestinationActivityId": "priority" },
            { "Id": 3, "SourceActivityId": "urgent", "SourceOutcomeName": "False", "DestinationActivityId": "take" },
            { "Id": 4, "SourceActivityId": "priority", "SourceOutcomeName": "Done", "DestinationActivityId": "take" },
            { "Id": 5, "SourceActivityId": "take", "SourceOutcomeName": "Done", "DestinationActivityId": "log" }
          ]
        }
        """;

    [Fact]
    public async Task A_form_submission_starts_an_instance_that_waits_for_its_signal_then_finishes()
    {
        var type = Parse(Consultation);
        Assert.Empty(_validator.Validate(type));

        var state = await _executor.StartAsync(type, Submitted("UA-7KQ4-2M", "metastases"), Services, SaveAsync);

        Assert.NotNull(state);
        Assert.Equal(WorkflowStatus.Halted, state.Status);
        Assert.Equal("high", state.Properties["Priority"]!.GetValue<string>());
        Assert.Equal("take", Assert.Single(state.Blocking).ActivityId);
        Assert.Equal(["submitted", "urgent", "priority", "take"], state.Journal.Select(j => j.ActivityId));
        Assert.Equal(4, _saved.Count); // one checkpoint per activity

        var other = new WorkflowEvent(SignalEvent.Event, new JsonObject { ["Signal"] = "take" }, "UA-OTHER");
        Assert.Empty(_executor.Waiting(type, state, other, Services));
        var signal = new WorkflowEvent(SignalEvent.Event, new JsonObject { ["Signal"] = "take" }, "UA-7KQ4-2M");
        var waiting = Assert.Single(_executor.Waiting(type, state, signal, Services));
        await _executor.ResumeAsync(type, state, waiting, signal, Services, SaveAsync);

        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(["submitted", "urgent", "priority", "take", "take", "log"], state.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task An_event_no_start_activity_accepts_starts_nothing()
    {
        var type = Parse(Consultation);
        var otherForm = new WorkflowEvent(FormSubmittedEvent.Event, new JsonObject { ["FormName"] = "newsletter" }, "X");
        Assert.Null(await _executor.StartAsync(type, otherForm, Services, SaveAsync));
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task A_host_that_dies_between_two_activities_resumes_at_the_first_one_not_saved()
    {
        var type = Parse(Consultation);
        var crashAfter = 2;
        Task Crashing(WorkflowState state, IReadOnlyList<WorkflowEffect> effects)
        {
            if (_saved.Count == crashAfter)
            {
                throw new InvalidOperationException("host killed");
            }

            return SaveAsync(state, effects);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => _executor.StartAsync(type, Submitted("UA-1", "metastases"), Services, Crashing));

        // What the database holds is the state after "urgent": "priority" is scheduled, not done.
        var stored = Clone(_saved[^1]);
        Assert.Equal(["priority"], stored.Scheduled);
        await _executor.ContinueAsync(type, stored, Services, SaveAsync);

        Assert.Equal(WorkflowStatus.Halted, stored.Status);
        Assert.Equal(["submitted", "urgent", "priority", "take"], stored.Journal.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task A_loop_of_transitions_is_stopped_and_the_instance_keeps_its_error_and_can_be_retried()
    {
        var type = Parse("""
            { "WorkflowTypeId": "loop", "Name": "Loop",
              "Activities": [
                { "ActivityId": "start", "Name": "ContentCreatedEvent", "IsStart": true, "Properties": { "ContentTypeFilter": ["Article"] } },
                { "ActivityId": "again", "Name": "ScriptTask", "Properties": { "AvailableOutcomes": ["Again"], "Script": { "Expression": "setProperty('n', (property('n') || 0) + 1); setOutcome('Again');" } } } ],
              "Transitions": [
                { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "again" },
                { "SourceActivityId": "again", "SourceOutcomeName": "Again", "DestinationActivityId": "again" } ] }
            """);
        Assert.Null(await _executor.StartAsync(type, new WorkflowEvent(ContentCreatedEvent.Event, new JsonObject { ["ContentType"] = "Clinic" }), Services, SaveAsync));

        var state = await _executor.StartAsync(type, new WorkflowEvent(ContentCreatedEvent.Event, new JsonObject { ["ContentType"] = "Article" }), Services, SaveAsync);

        Assert.Equal(WorkflowStatus.Faulted, state!.Status);
        Assert.Contains("more than 50 activities", state.Fault!.Message, StringComparison.Ordinal);
        Assert.Equal(49, state.Properties["n"]!.GetValue<int>());

        await _executor.RetryAsync(type, state, Services, SaveAsync);
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Equal(99, state.Properties["n"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("function f() { return f(); } f();")]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'); }")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("this is not javascript")]
    public async Task A_script_that_runs_away_or_reaches_for_the_host_faults_its_instance(string script)
    {
        var type = Parse($$"""
            { "WorkflowTypeId": "bad", "Name": "Bad",
              "Activities": [
                { "ActivityId": "start", "Name": "ContentPublishedEvent", "IsStart": true },
                { "ActivityId": "script", "Name": "ScriptTask", "Properties": { "Script": { "Expression": {{JsonSerializer.Serialize(script)}} } } } ],
              "Transitions": [ { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "script" } ] }
            """);

        var state = await _executor.StartAsync(type, new WorkflowEvent(ContentPublishedEvent.Event, []), Services, SaveAsync);

        Assert.Equal(WorkflowStatus.Faulted, state!.Status);
        Assert.Equal("script", state.Fault!.ActivityId);
        Assert.False(string.IsNullOrWhiteSpace(state.Fault.Message));
    }

    [Fact]
    public async Task A_timer_waits_until_it_is_due_and_only_its_own_timer_event_resumes_it()
    {
        var type = Parse("""
            { "WorkflowTypeId": "sla", "Name": "SLA",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true },
                { "ActivityId": "sla", "Name": "TimerEvent", "Properties": { "Delay": { "Expression": "02:00:00" } } },
                { "ActivityId": "alert", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Alerted", "Value": { "Expression": "true" } } } ],
              "Transitions": [
                { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "sla" },
                { "SourceActivityId": "sla", "SourceOutcomeName": "Done", "DestinationActivityId": "alert" } ] }
            """);
        var state = (await _executor.StartAsync(type, Submitted("UA-2", "x"), Services, SaveAsync))!;

        var timer = Assert.Single(state.Blocking);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddHours(2), timer.DueUtc);
        var someoneElses = new WorkflowEvent(TimerEvent.Event, new JsonObject { ["ActivityId"] = "sla" }, "another-instance");
        Assert.Empty(_executor.Waiting(type, state, someoneElses, Services));

        var due = new WorkflowEvent(TimerEvent.Event, new JsonObject { ["ActivityId"] = "sla" }, state.WorkflowId);
        await _executor.ResumeAsync(type, state, Assert.Single(_executor.Waiting(type, state, due, Services)), due, Services, SaveAsync);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.True(state.Properties["Alerted"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("metastases", "oncology")]
    [InlineData("arrhythmia", "cardiology")]
    [InlineData("something else", "general")]
    public async Task Switch_follows_the_case_its_expression_gives_else_Default(string condition, string expected)
    {
        var type = Parse("""
            { "WorkflowTypeId": "switch", "Name": "Switch",
              "Activities": [
                { "ActivityId": "start", "Name": "FormSubmittedEvent", "IsStart": true },
                { "ActivityId": "which", "Name": "SwitchTask", "Properties": { "Cases": ["oncology", "cardiology"],
                    "Expression": { "Expression": "({ metastases: 'oncology', arrhythmia: 'cardiology' })[input('Condition')] || 'none'" } } },
                { "ActivityId": "onco", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Desk", "Value": { "Expression": "'oncology'" } } },
                { "ActivityId": "cardio", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Desk", "Value": { "Expression": "'cardiology'" } } },
                { "ActivityId": "other", "Name": "SetPropertyTask", "Properties": { "PropertyName": "Desk", "Value": { "Expression": "'general'" } } } ],
              "Transitions": [
                { "SourceActivityId": "start", "SourceOutcomeName": "Done", "DestinationActivityId": "which" },
                { "SourceActivityId": "which", "SourceOutcomeName": "oncology", "DestinationActivityId": "onco" },
                { "SourceActivityId": "which", "SourceOutcomeName": "cardiology", "DestinationActivityId": "cardio" },
                { "SourceActivityId": "which", "SourceOutcomeName": "Default", "DestinationActivityId": "other" } ] }
            """);
        Assert.Empty(_validator.Validate(type));

        var state = (await _executor.StartAsync(type, Submitted("UA-3", condition), Services, SaveAsync))!;

        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(expected, state.Properties["Desk"]!.GetValue<string>());
        Assert.Equal(3, state.Journal.Count);
    }

    [Fact]
    public void The_validator_names_each_activity_that_is_wrong()
    {
        var type = Parse("""
            { "WorkflowTypeId": "broken", "Name": "Broken",
              "Activities": [
                { "ActivityId": "a", "Name": "IfElseTask", "IsStart": true },
                { "ActivityId": "b", "Name": "SendFaxTask" },
                { "ActivityId": "c", "Name": "TimerEvent", "Properties": { "CronExpression": { "Expression": "every day" } } } ],
              "Transitions": [ { "SourceActivityId": "a", "SourceOutcomeName": "Maybe", "DestinationActivityId": "c" } ] }
            """);

        var errors = _validator.Validate(type);

        Assert.Contains(errors, e => e.StartsWith("Activities[0] (IfElseTask \"a\"): only an event can start", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Activities[0] (IfElseTask \"a\"): Condition is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Activities[1] (SendFaxTask \"b\"): there is no activity named 'SendFaxTask'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'every day' is not a five-field cron expression", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Transitions[0]: IfElseTask \"a\" has no outcome 'Maybe'", StringComparison.Ordinal));
    }

    private static IServiceProvider Services { get; } = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(new Microsoft.Extensions.DependencyInjection.ServiceCollection());

    private Task SaveAsync(WorkflowState state, IReadOnlyList<WorkflowEffect> effects)
    {
        _saved.Add(Clone(state));
        return Task.CompletedTask;
    }

    private static WorkflowState Clone(WorkflowState state) => JsonSerializer.Deserialize<WorkflowState>(JsonSerializer.Serialize(state, Json), Json)!;

    private static WorkflowType Parse(string json) => JsonSerializer.Deserialize<WorkflowType>(json, Json)!;

    private static WorkflowEvent Submitted(string reference, string condition) =>
        new(FormSubmittedEvent.Event, new JsonObject { ["FormName"] = "consultation", ["Condition"] = condition }, reference);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
