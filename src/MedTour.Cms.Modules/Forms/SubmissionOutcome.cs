namespace MedTour.Cms.Modules.Forms;

/// <summary>What became of a post: a reference (stored), or a status with the errors to show and the values to show again.</summary>
public sealed record SubmissionOutcome(int Status, string? Reference, IReadOnlyList<FormError> Errors, IReadOnlyDictionary<string, string> Posted)
{
    public TimeSpan? RetryAfter { get; init; }

    public bool Accepted => Reference is not null;

    public static SubmissionOutcome Refused(int status, string message, IReadOnlyDictionary<string, string>? posted = null) =>
        new(status, null, [new FormError(string.Empty, message)], posted ?? new Dictionary<string, string>());
}
