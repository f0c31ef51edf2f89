using MedTour.Cms.Modules.Workflows.Activities;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Recipes;
using MedTour.Cms.Modules.Workflows.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.Workflows;

/// <summary>
/// The workflow engine (Orchard's model): the activity catalogue, expressions, the executor and the validator.
/// Persistence, timers, the outbox and the admin pages come with the consultation flow (issue 8).
/// </summary>
public static class WorkflowsModule
{
    public static IServiceCollection AddWorkflowsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection("MedTour:Workflows"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IActivity, IfElseTask>();
        services.AddSingleton<IActivity, SwitchTask>();
        services.AddSingleton<IActivity, SetPropertyTask>();
        services.AddSingleton<IActivity, ScriptTask>();
        services.AddSingleton<IActivity, LogTask>();
        services.AddSingleton<IActivity, ContentCreatedEvent>();
        services.AddSingleton<IActivity, ContentPublishedEvent>();
        services.AddSingleton<IActivity, FormSubmittedEvent>();
        services.AddSingleton<IActivity, SignalEvent>();
        services.AddSingleton<IActivity, TimerEvent>();
        services.AddSingleton<ActivityLibrary>();
        services.AddSingleton<WorkflowExpressions>();
        services.AddSingleton<WorkflowExecutor>();
        services.AddSingleton<WorkflowTypeValidator>();
        services.AddScoped<WorkflowTypeStore>();
        services.AddScoped<WorkflowInstanceStore>();
        services.AddScoped<WorkflowRuntime>();
        // WorkflowTypeStep is not registered yet: until instances run (persistence, timers, outbox), a recipe asking for
        // workflows is refused as unsupported rather than imported to do nothing.
        services.AddScoped<WorkflowTypeStep>();
        return services;
    }
}
