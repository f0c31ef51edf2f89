using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Workflows.Activities;

/// <summary>
/// Orchard's CreateContentItemTask: a new item of <c>ContentType</c> whose parts come from <c>ContentProperties</c>
/// (Liquid giving JSON in Orchard's item shape), published when <c>Publish</c> is true, through the content manager
/// (validation, indexes, events). Its id is derived from the instance and the execution, so the activity run again after
/// a crash finds the item it made instead of making a second. The last result is <c>{ ContentItemId }</c>.
/// </summary>
public sealed class CreateContentItemTask : IActivity
{
    public string Name => "CreateContentItemTask";
    public ActivityKind Kind => ActivityKind.Task;
    public IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done"];

    public IEnumerable<(string Property, string Message)> Validate(JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return string.IsNullOrWhiteSpace(ActivityProperties.Expression(properties, "ContentType")) ? [("ContentType", "is required.")] : [];
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var content = context.Services.GetRequiredService<ContentManager>();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.EffectKey("content"))))[..26];
        if (await content.GetAsync(id, VersionOptions.Latest) is null)
        {
            var item = await content.NewAsync(ActivityProperties.Expression(context.Properties, "ContentType")!);
            item.ContentItemId = id;
            if (ActivityProperties.Expression(context.Properties, "ContentProperties") is { Length: > 0 } template)
            {
                var json = await context.Expressions.RenderLiquidAsync(template, context);
                if (JsonNode.Parse(json) is not JsonObject parts)
                {
                    return ActivityResult.Fault("ContentProperties did not give a JSON object.");
                }

                foreach (var (name, value) in parts)
                {
                    if (name == "DisplayText")
                    {
                        item.DisplayText = value?.GetValue<string>() ?? string.Empty;
                    }
                    else
                    {
                        item.Content[name] = value?.DeepClone();
                    }
                }
            }

            var publish = context.Properties["Publish"] is JsonValue p && p.TryGetValue<bool>(out var b) && b;
            await content.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
        }

        context.State.LastResult = new JsonObject { ["ContentItemId"] = id };
        return ActivityResult.Done;
    }
}
