namespace MedTour.Cms.Content;

/// <summary>Content that breaks a rule (a required field, a taken path…). Each error names its field.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentValidationError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}

/// <param name="Field">The JSON path of the field inside the item, e.g. <c>AutoroutePart.Path</c>.</param>
public sealed record ContentValidationError(string Field, string Message);
