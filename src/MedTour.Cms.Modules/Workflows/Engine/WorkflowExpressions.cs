using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using MedTour.Cms.Display;
using MedTour.Cms.Recipes.Scripting;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Workflows.Engine;

/// <summary>
/// Expressions in activity properties: Liquid (<c>{{ Workflow.Input.Email }}</c>) and sandboxed JavaScript
/// (<c>input('Email')</c>, <c>property('x')</c>, <c>setProperty('x', 1)</c>, <c>setOutcome('Urgent')</c>) in a fresh Jint
/// engine per evaluation with time, memory, statement and recursion limits and no CLR access. Singleton.
/// </summary>
public sealed class WorkflowExpressions(LiquidEngine liquid, IOptions<WorkflowOptions> options)
{
    public Task<string> RenderLiquidAsync(string template, ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workflow = new JsonObject
        {
            ["WorkflowId"] = context.State.WorkflowId,
            ["CorrelationId"] = context.State.CorrelationId,
            ["Input"] = context.State.Input.DeepClone(),
            ["Properties"] = context.State.Properties.DeepClone(),
            ["LastResult"] = context.State.LastResult?.DeepClone(),
        };
        return liquid.RenderPatternAsync(template, new Dictionary<string, object?> { ["Workflow"] = LiquidModel.From(workflow) });
    }

    /// <summary>Runs a script; returns its value as JSON and the outcomes it set with <c>setOutcome</c>. Throws <see cref="WorkflowScriptException"/>.</summary>
    public (JsonNode? Value, IReadOnlyList<string> Outcomes) Evaluate(string script, ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = options.Value;
        var outcomes = new List<string>();
        var engine = new Jint.Engine(o => o.Strict()
            .TimeoutInterval(limits.ScriptTimeout)
            .LimitMemory(limits.ScriptMemoryBytes)
            .LimitRecursion(limits.ScriptRecursionLimit)
            .MaxStatements(limits.ScriptMaxStatements));
        var state = context.State;
        engine.SetValue("input", new Func<string, JsValue>(name => RecipeScriptValues.ToScript(engine, state.Input[name]?.DeepClone())));
        engine.SetValue("property", new Func<string, JsValue>(name => RecipeScriptValues.ToScript(engine, state.Properties[name]?.DeepClone())));
        engine.SetValue("setProperty", new Action<string, JsValue>((name, value) => state.Properties[name] = RecipeScriptValues.ToJson(engine, value)));
        engine.SetValue("lastResult", new Func<JsValue>(() => RecipeScriptValues.ToScript(engine, state.LastResult?.DeepClone())));
        engine.SetValue("correlationId", new Func<JsValue>(() => state.CorrelationId is null ? JsValue.Null : new JsString(state.CorrelationId)));
        engine.SetValue("workflowId", new Func<JsValue>(() => new JsString(state.WorkflowId)));
        engine.SetValue("setOutcome", new Action<string>(outcomes.Add));
        try
        {
            return (RecipeScriptValues.ToJson(engine, engine.Evaluate(script)), outcomes);
        }
        catch (Exception e) when (e is JavaScriptException or TimeoutException or MemoryLimitExceededException or StatementsCountOverflowException
            or RecursionDepthOverflowException or Acornima.ParseErrorException or RecipeScriptException or JintException)
        {
            throw new WorkflowScriptException(e.Message, e);
        }
    }
}

public sealed class WorkflowScriptException(string message, Exception? inner = null) : Exception(message, inner);
