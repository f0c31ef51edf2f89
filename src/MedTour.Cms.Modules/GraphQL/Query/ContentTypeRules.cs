namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>
/// Types that never appear in the schema nor in any answer: coordinators carry staff e-mail addresses and
/// routing data; forms carry the consultation pipeline's settings. Users, consultation requests and workflow data
/// are not content items at all, so they cannot leak through the content types.
/// </summary>
public static class ContentTypeRules
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Coordinator", "Form" };

    public static bool IsExposed(string contentType) => !Hidden.Contains(contentType);
}
