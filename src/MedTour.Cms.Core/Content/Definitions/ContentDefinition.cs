using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MedTour.Cms.Content.Definitions;

/// <summary>All content types and parts of a tenant, in Orchard's record format. Treated as immutable once cached.</summary>
public sealed class ContentDefinition
{
    public List<ContentTypeDefinition> ContentTypeDefinitionRecords { get; set; } = [];
    public List<ContentPartDefinition> ContentPartDefinitionRecords { get; set; } = [];

    public ContentTypeDefinition? FindType(string name) =>
        ContentTypeDefinitionRecords.Find(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public ContentPartDefinition? FindPart(string name) =>
        ContentPartDefinitionRecords.Find(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

public sealed class ContentTypeDefinition
{
    public required string Name { get; set; }
    public string? DisplayName { get; set; }
    public JsonObject Settings { get; set; } = [];
    public List<ContentTypePartDefinition> ContentTypePartDefinitionRecords { get; set; } = [];

    public bool HasPart(string partName) => ContentTypePartDefinitionRecords.Exists(p => p.PartName == partName);

    public ContentTypePartDefinition? FindPart(string partName) => ContentTypePartDefinitionRecords.Find(p => p.PartName == partName);

    /// <summary>Orchard's <c>ContentTypeSettings.Draftable</c>: when false, an update publishes at once.</summary>
    [JsonIgnore]
    public bool Draftable => Settings["ContentTypeSettings"]?["Draftable"]?.GetValue<bool>() ?? true;
}

public sealed class ContentTypePartDefinition
{
    public required string PartName { get; set; }
    public required string Name { get; set; }
    public JsonObject Settings { get; set; } = [];
}

public sealed class ContentPartDefinition
{
    public required string Name { get; set; }
    public JsonObject Settings { get; set; } = [];
    public List<ContentPartFieldDefinition> ContentPartFieldDefinitionRecords { get; set; } = [];
}

public sealed class ContentPartFieldDefinition
{
    public required string FieldName { get; set; }
    public required string Name { get; set; }
    public JsonObject Settings { get; set; } = [];

    /// <summary>The field's own settings object, e.g. <c>TextFieldSettings</c>.</summary>
    [JsonIgnore]
    public JsonObject? FieldSettings => Settings[FieldName + "Settings"] as JsonObject;

    [JsonIgnore]
    public bool Required => FieldSettings?["Required"]?.GetValue<bool>() ?? false;

    [JsonIgnore]
    public string DisplayName => Settings["ContentPartFieldSettings"]?["DisplayName"]?.GetValue<string>() ?? Name;
}
