namespace MedTour.Cms.Modules.TemplatesAdmin;

/// <summary>A saved source of a template override: what it was, when and by whom (the history a revert picks from).</summary>
public sealed record TemplateVersion(string Content, string? Description, DateTime SavedUtc, string SavedBy);
