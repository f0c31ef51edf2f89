namespace MedTour.Cms.Modules.DefinitionsAdmin;

/// <summary>A new field as typed: its technical name, label and field type.</summary>
public sealed record FieldForm(string Name, string DisplayName, string FieldType);
