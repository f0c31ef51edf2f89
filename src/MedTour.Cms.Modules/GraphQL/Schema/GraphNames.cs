namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>Orchard's GraphQL naming: content types keep their name as the type, fields and root fields are camelCase.</summary>
public static class GraphNames
{
    public static string Camel(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A GraphQL name (letters, digits, underscore, not starting with a digit) or null.</summary>
    public static string? Valid(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : null;
}
