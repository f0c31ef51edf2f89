using MedTour.Cms.Content;
using MedTour.Cms.Modules.Workflows.Activities;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Host;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Recipes;
using MedTour.Cms.Modules.Workflows.Runtime;
using MedTour.Cms.Modules.Workflows.Signals;
using MedTour.Cms.Recipes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows;

/// <summary>
/// The workflow engine (Orchard's model): the activity catalogue, expressions, the executor and the validator; the
/// runtime that persists instances; the background host (events, timers, webhooks, purge); signed signal links; the
/// <c>WorkflowType</c> recipe step. See ADR 0025.
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
        services.AddSingleton<IActivity, SendEmailTask>();
        services.AddSingleton<IActivity, EmailTask>();
        services.AddSingleton<IActivity, NotifyTask>();
        services.AddSingleton<IActivity, HttpRequestTask>();
        services.AddSingleton<IActivity, CreateContentItemTask>();
        services.AddSingleton<ActivityLibrary>();
        services.AddSingleton<WorkflowExpressions>();
        services.AddSingleton<WorkflowExecutor>();
        services.AddSingleton<WorkflowTypeValidator>();
        services.AddScoped<WorkflowTypeStore>();
        services.AddScoped<WorkflowInstanceStore>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<RequestNotes>();
        services.AddScoped<SignalLinks>();
        services.AddScoped<IContentTransactionObserver, WorkflowContentEvents>();
        services.AddScoped<WorkflowTypeStep>();
        services.AddScoped<IRecipeStepHandler>(sp => sp.GetRequiredService<WorkflowTypeStep>());

        services.AddSingleton<WorkflowWake>();
        services.AddScoped<WorkflowEventPump>();
        services.AddScoped<WorkflowInstancePump>();
        services.AddScoped<WorkflowPurge>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = WebhookGuard.Connect(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.AllowPrivateNetworks),
                AllowAutoRedirect = false,
            });
        services.AddSingleton<WorkflowHost>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowHost>());
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder endpoints) => endpoints.MapWorkflowSignals();
}
