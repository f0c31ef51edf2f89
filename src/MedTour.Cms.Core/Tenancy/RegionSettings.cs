namespace MedTour.Cms.Tenancy;

/// <summary>The region a site serves; every site's header shows all regions' lines ("Calls for …").</summary>
public sealed record RegionSettings
{
    public required string Name { get; init; }
    /// <summary>ISO 3166 country of the region, when it is one country (UA, US); used for hreflang.</summary>
    public string? CountryCode { get; init; }
    public IReadOnlyList<PhoneLine> PhoneLines { get; init; } = [];
}

public sealed record PhoneLine(string Label, string Number)
{
    /// <summary>The number as dialled (<c>+380441234567</c>): for <c>tel:</c> links and schema.org.</summary>
    public string Dialable => new([.. Number.Where(c => char.IsDigit(c) || c == '+')]);
}
