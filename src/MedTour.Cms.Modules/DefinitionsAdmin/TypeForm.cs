using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.DefinitionsAdmin;

/// <summary>A type's editable values: display name, Orchard's ContentTypeSettings flags and its parts.</summary>
public sealed record TypeForm(string DisplayName, IReadOnlyList<string> Flags, IReadOnlyList<string> Parts)
{
    /// <summary>Orchard's ContentTypeSettings that this host reads or keeps.</summary>
    public static readonly IReadOnlyList<string> AllFlags = ["Creatable", "Listable", "Draftable", "Versionable", "Securable"];

    public static TypeForm From(ContentTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var settings = type.Settings["ContentTypeSettings"] as JsonObject;
        return new(type.DisplayName ?? type.Name,
            [.. AllFlags.Where(f => settings?[f] is JsonValue v && v.TryGetValue<bool>(out var on) && on)],
            [.. type.ContentTypePartDefinitionRecords.Select(p => p.PartName)]);
    }

    public static TypeForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form["displayName"].ToString().Trim(), [.. form["flags"].Select(f => f!)], [.. form["parts"].Select(p => p!)]);
    }

    /// <summary>A copy of <paramref name="type"/> with these values; parts kept keep their settings, the type's own part stays.</summary>
    public ContentTypeDefinition ApplyTo(ContentTypeDefinition type)
    {
        var next = DefinitionEditor.Copy(type);
        next.DisplayName = DisplayName.Length == 0 ? type.Name : DisplayName;
        var settings = next.Settings["ContentTypeSettings"] as JsonObject ?? [];
        foreach (var flag in AllFlags)
        {
            settings[flag] = Flags.Contains(flag);
        }

        next.Settings["ContentTypeSettings"] = settings;
        next.ContentTypePartDefinitionRecords.RemoveAll(p => p.PartName != type.Name && !Parts.Contains(p.PartName));
        foreach (var part in Parts.Where(p => !next.HasPart(p)))
        {
            next.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { PartName = part, Name = part });
        }

        return next;
    }
}
