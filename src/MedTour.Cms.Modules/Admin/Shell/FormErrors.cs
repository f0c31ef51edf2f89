namespace MedTour.Cms.Modules.Admin.Shell;

/// <summary>Validation messages of a posted form, by field name, shown in the summary and next to each field.</summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => _errors;

    public FormErrors Add(string field, string message)
    {
        _errors.Add((field, message));
        return this;
    }

    public string? For(string field) => _errors.FirstOrDefault(e => e.Field == field).Message;
}
