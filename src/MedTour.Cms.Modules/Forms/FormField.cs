namespace MedTour.Cms.Modules.Forms;

/// <summary>One field of a form, as a FormPart's <c>Fields</c> item spells it in a recipe (Orchard's Forms shape).</summary>
public sealed record FormField
{
    public required string Name { get; init; }
    /// <summary>text, email, tel, textarea, select, checkbox or file.</summary>
    public required string Type { get; init; }
    public string Label { get; init; } = string.Empty;
    public string? Hint { get; init; }
    public bool Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    /// <summary>A .NET regular expression the whole value must match (checked with a time limit).</summary>
    public string? Pattern { get; init; }
    public IReadOnlyList<FormOption> Options { get; init; } = [];
    public string? Autocomplete { get; init; }
    /// <summary>For a tel field: the select field holding the ISO country its number is read in.</summary>
    public string? CountryField { get; init; }
    /// <summary>For a checkbox (consent): a link shown with the label and the version of what it links to.</summary>
    public string? Link { get; init; }
    public string? LinkText { get; init; }
    public string? Version { get; init; }
    /// <summary>Text shown with the form where <see cref="Link"/> points (the privacy notice the consent refers to).</summary>
    public string? Notice { get; init; }
    /// <summary>A query parameter that prefills the field (the condition of the article the form was opened from).</summary>
    public string? FromQuery { get; init; }
    /// <summary>For a file field: accepted extensions and the limits.</summary>
    public IReadOnlyList<string> Accept { get; init; } = [];
    public int MaxFiles { get; init; } = 5;
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    public long MaxTotalBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>The longest value a field takes when its definition says nothing: no field is unbounded.</summary>
    public int EffectiveMaxLength => MaxLength ?? (Type == "textarea" ? 5000 : 200);
}

/// <summary>A choice of a select field: the value posted and the label shown.</summary>
public sealed record FormOption(string Value, string Label);
