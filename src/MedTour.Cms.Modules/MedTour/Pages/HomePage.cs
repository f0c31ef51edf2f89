using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>A regional home: featured articles, conditions, treatments and clinics by country.</summary>
public sealed class HomePage(SiteItems items, PageCulture culture, CurrentTenant tenant, CacheTags tags) : IHomePageComposer
{
    public async Task ComposeAsync(HttpContext http, Dictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!tenant.Settings.IsFeatureEnabled("MedTour"))
        {
            return;
        }

        foreach (var type in new[] { "Article", "Treatment", "Clinic" })
        {
            tags.Add(CacheTags.Type(tenant.Name, type));
        }

        var c = culture.Name;
        model["Articles"] = await items.ListAsync($"home-articles:{c}", q => q.Query().OfType("Article").WhereCulture(c).OrderBy(x => x.PublishedUtc, descending: true).ListAsync(take: 6));
        model["Conditions"] = await items.TermsAsync("taxonomy-conditions");
        model["Treatments"] = await items.ListAsync("home-treatments", q => q.Query().OfType("Treatment").OrderBy(x => x.DisplayText).ListAsync(take: 12));
        var countries = await items.TermsAsync("taxonomy-countries");
        var clinics = await items.ListAsync("home-clinics", q => q.Query().OfType("Clinic").OrderBy(x => x.DisplayText).ListAsync(take: 100));
        model["ClinicsByCountry"] = countries
            .Select(country => new Dictionary<string, object?>
            {
                ["Country"] = country,
                ["Clinics"] = clinics.Where(c => CountryOf(c) == (string?)country["ContentItemId"]).ToList(),
            })
            .Where(group => ((List<Dictionary<string, object?>>)group["Clinics"]!).Count > 0)
            .ToList();
        model["Description"] = model["Articles"] is List<Dictionary<string, object?>> { Count: > 0 } articles
            ? string.Join(" · ", articles.Take(3).Select(a => a["DisplayText"]))
            : null;
    }

    private static string? CountryOf(Dictionary<string, object?> clinic) =>
        clinic["Content"] is Dictionary<string, object?> content
        && content.GetValueOrDefault("Clinic") is Dictionary<string, object?> part
        && part.GetValueOrDefault("Country") is Dictionary<string, object?> field
        && field.GetValueOrDefault("TermContentItemIds") is List<object?> { Count: > 0 } ids ? ids[0] as string : null;
}
