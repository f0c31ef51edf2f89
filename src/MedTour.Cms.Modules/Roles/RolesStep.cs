using System.Text.Json.Nodes;
using MedTour.Cms.Recipes;

namespace MedTour.Cms.Modules.Roles;

/// <summary>
/// Orchard's <c>Roles</c> step: <c>{ "name": "Roles", "Roles": [ { "Name", "Description", "Permissions": [...],
/// "PermissionBehavior": "Replace" | "Add" | "Remove" } ] }</c>. Every role is checked before any is written.
/// Permissions of modules this host lacks are kept as data, as Orchard does.
/// </summary>
public sealed class RolesStep(RoleStore roles) : IRecipeStepHandler
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = context.RequiredArray("Roles").Select((node, i) => Read(node, $"Roles[{i}]")).ToList();
        foreach (var entry in entries)
        {
            await roles.SaveAsync(entry.Name, entry.Description, entry.Permissions, entry.Behavior);
        }
    }

    private static RoleEntry Read(JsonNode? node, string path)
    {
        if (node is not JsonObject role)
        {
            throw RecipeStepContext.Error(path, "expected an object with Name and Permissions.");
        }

        var name = RecipeStepContext.RequiredString(RecipeJson.Get(role, "Name"), path + ".Name");
        var description = RecipeJson.Get(role, "Description")?.GetValue<string>();
        var permissions = RecipeJson.Get(role, "Permissions") switch
        {
            null => [],
            JsonArray array => array.Select((p, i) => RecipeStepContext.RequiredString(p, $"{path}.Permissions[{i}]")).ToList(),
            _ => throw RecipeStepContext.Error(path + ".Permissions", "expected an array of permission names."),
        };
        var behavior = RecipeJson.Get(role, "PermissionBehavior")?.GetValue<string>() switch
        {
            null or "" => PermissionBehavior.Replace,
            var text when Enum.TryParse<PermissionBehavior>(text, ignoreCase: true, out var parsed) => parsed,
            var text => throw RecipeStepContext.Error(path + ".PermissionBehavior", $"'{text}' is not Replace, Add or Remove."),
        };
        return new RoleEntry(name, description, permissions, behavior);
    }

    private sealed record RoleEntry(string Name, string? Description, IReadOnlyList<string> Permissions, PermissionBehavior Behavior);
}

/// <summary>How a role's stored permissions meet those given (Orchard's <c>PermissionBehavior</c>).</summary>
public enum PermissionBehavior
{
    Replace,
    Add,
    Remove,
}
