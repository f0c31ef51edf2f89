using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.TenantsAdmin;

/// <summary>The create form's values as typed (re-shown on a validation error) and the settings they make.</summary>
public sealed record TenantForm(string Name, string DisplayName, string Prefix, string Hosts, string Cultures, string Recipe, string Provider, IReadOnlyList<string> Features,
    string AdminUserName, string AdminEmail, string AdminPassword)
{
    public static TenantForm Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, "en", string.Empty, string.Empty, ["Contents", "MedTour"], "admin", string.Empty, string.Empty);

    public static TenantForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(Text(form, "name"), Text(form, "displayName"), Text(form, "prefix"), Text(form, "hosts"), Text(form, "cultures"), Text(form, "recipe"), Text(form, "provider"),
            [.. form["features"].Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!.Trim())],
            Text(form, "adminUserName"), Text(form, "adminEmail"), form["adminPassword"].ToString());
    }

    public TenantSettings ToSettings() => new()
    {
        Name = Name,
        DisplayName = DisplayName.Length == 0 ? null : DisplayName,
        RequestUrlPrefix = Prefix.Trim('/') is { Length: > 0 } prefix ? prefix : null,
        RequestUrlHosts = List(Hosts),
        Cultures = List(Cultures),
        RecipeName = Recipe.Length == 0 ? null : Recipe,
        Features = Features,
        Database = new TenantDatabaseSettings { Provider = Provider.Length == 0 ? null : Provider },
    };

    /// <summary>The form field a <see cref="TenantValidationException"/> is about, so its message shows next to it.</summary>
    public static string FieldOf(string setting) => setting switch
    {
        "RequestUrlPrefix" => "prefix",
        "RequestUrlHosts" => "hosts",
        "Cultures" => "cultures",
        "RecipeName" => "recipe",
        "Database.Provider" or "Database.Schema" => "provider",
        _ => "name",
    };

    private static string Text(IFormCollection form, string key) => form[key].ToString().Trim();

    private static List<string> List(string value) =>
        [.. value.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
