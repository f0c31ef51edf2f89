namespace MedTour.Cms.Modules.Search;

/// <summary>
/// Search settings of the host (<c>MedTour:Search</c>): what each content type contributes to a search document, the
/// query-time boosts, and how the indexing service polls. Bound once; read-only afterwards.
/// </summary>
public sealed class SearchOptions
{
    /// <summary>Root for index folders instead of <c>App_Data/Sites/{tenant}</c> (tests run two hosts' indexes side by side).</summary>
    public string? IndexRoot { get; set; }

    /// <summary>How often a host looks for other hosts' changes; its own are applied at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 500;

    /// <summary>How long a hole in task ids (a transaction still open on another connection) holds the cursor back.</summary>
    public TimeSpan GapWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often each host records its cursor and deletes the tasks every known consumer has applied.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A consumer (host index) not seen for this long is forgotten: it no longer holds tasks back, and rebuilds if it returns.</summary>
    public TimeSpan ConsumerExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most this many tasks are kept whatever a slow consumer needs (it rebuilds instead).</summary>
    public long MaxKeptTasks { get; set; } = 200_000;

    public int PageSize { get; set; } = 10;

    /// <summary>Longer queries are refused with a message (the page and the API say why).</summary>
    public int MaxQueryLength { get; set; } = 200;

    public float TitleBoost { get; set; } = 4f;
    public float TermsBoost { get; set; } = 2f;
    public float SummaryBoost { get; set; } = 1.5f;
    public float BodyBoost { get; set; } = 1f;

    /// <summary>Per content type: its parts' fields ("Part.Field") that feed each search field. Types not listed use <see cref="DefaultType"/>.</summary>
    public Dictionary<string, SearchTypeSettings> Types { get; set; } = new(StringComparer.Ordinal)
    {
        ["Article"] = new() { Summary = ["Article.Summary"], Body = ["HtmlBodyPart.Html"], Terms = ["Article.Conditions", "Article.Treatments", "Article.RelatedClinics", "Article.RelatedDoctors"] },
        ["Clinic"] = new()
        {
            Summary = ["Clinic.City", "Clinic.Address"], Body = ["HtmlBodyPart.Html"],
            Terms = ["Clinic.Country", "Clinic.City", "Clinic.Specialties", "Clinic.Treatments", "Clinic.Accreditations"],
            Country = "Clinic.Country", Specialty = "Clinic.Specialties",
        },
        ["Doctor"] = new() { Body = ["Doctor.Bio"], Terms = ["Doctor.Specialties", "Doctor.Clinic", "Doctor.Languages"], Specialty = "Doctor.Specialties" },
        ["Treatment"] = new() { Summary = ["Treatment.Summary"], Body = ["HtmlBodyPart.Html"], Terms = ["Treatment.Countries"], Country = "Treatment.Countries" },
    };

    public SearchTypeSettings DefaultType { get; set; } = new() { Body = ["HtmlBodyPart.Html", "MarkdownBodyPart.Markdown"] };

    public SearchTypeSettings For(string contentType) => Types.GetValueOrDefault(contentType) ?? DefaultType;
}
