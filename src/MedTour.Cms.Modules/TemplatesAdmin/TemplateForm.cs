namespace MedTour.Cms.Modules.TemplatesAdmin;

/// <summary>The editor's values: the view, its source as typed, a description, and the item to preview it with.</summary>
public sealed record TemplateForm(string Name, string Content, string Description, string PreviewItem);
