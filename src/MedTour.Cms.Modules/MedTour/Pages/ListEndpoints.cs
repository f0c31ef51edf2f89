using System.Globalization;
using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>
/// Lists patients browse without JavaScript: plain GET forms and links. Filter values are checked against what
/// exists (an unknown one is a 400 naming the filter); pages out of range are 404.
/// </summary>
public static class ListEndpoints
{
    private const int PageSize = 12;

    public static IEndpointRouteBuilder MapMedTourPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("MedTour").RequireFeature("MedTour");
        group.MapPage("/articles", ArticlesAsync).WithQuery("page").WithName("Articles");
        group.MapPage("/clinics", ClinicsAsync).WithQuery("country", "specialty", "page").WithName("Clinics");
        group.MapPage("/doctors", DoctorsAsync).WithQuery("specialty", "clinic", "language", "page").WithName("Doctors");
        group.MapPage("/treatments", TreatmentsAsync).WithQuery("page").WithName("Treatments");
        return endpoints;
    }

    private static async Task<IResult> ArticlesAsync(HttpContext http, ListContext list)
    {
        var culture = list.Culture.Name;
        return await list.RenderAsync(http, "Articles", "Articles", $"articles:{culture}", q => q.Query().OfType("Article").WhereCulture(culture),
            q => q.OrderBy(x => x.PublishedUtc, descending: true), PageSize, []);
    }

    private static async Task<IResult> ClinicsAsync(HttpContext http, ListContext list)
    {
        var countries = await list.Items.TermsAsync("taxonomy-countries");
        var specialties = await list.Items.TermsAsync("taxonomy-specialties");
        var country = ListContext.Choose(http, "country", countries.Select(Id));
        var specialty = ListContext.Choose(http, "specialty", specialties.Select(Id));
        ContentQuery Build(ContentQueryFactory factory)
        {
            var query = factory.Query().OfType("Clinic");
            if (country is not null)
            {
                query.WhereField("Clinic", "Country", f => f.Text == country);
            }

            if (specialty is not null)
            {
                query.WhereField("Clinic", "Specialties", f => f.Text == specialty);
            }

            return query;
        }

        return await list.RenderAsync(http, "Clinics", "Clinics", $"clinics:{country}:{specialty}", Build, q => q.OrderBy(x => x.DisplayText), PageSize, new()
        {
            ["Countries"] = Options(countries, country),
            ["Specialties"] = Options(specialties, specialty),
            ["Filtered"] = country is not null || specialty is not null,
        });
    }

    private static async Task<IResult> DoctorsAsync(HttpContext http, ListContext list)
    {
        var specialties = await list.Items.TermsAsync("taxonomy-specialties");
        // Every clinic can be chosen, however many there are: ids and titles only.
        var clinics = (await list.Items.Published.TitlesAsync("Clinic"))
            .Select(c => new Dictionary<string, object?> { ["ContentItemId"] = c.ContentItemId, ["DisplayText"] = c.DisplayText }).ToList();
        list.Tags.Add(CacheTags.Type(list.Tenant.Name, "Clinic"));
        var languages = await list.Items.Published.ValuesAsync("Doctor", "Doctor", "Languages");
        var specialty = ListContext.Choose(http, "specialty", specialties.Select(Id));
        var clinic = ListContext.Choose(http, "clinic", clinics.Select(Id));
        var language = ListContext.Choose(http, "language", languages);
        ContentQuery Build(ContentQueryFactory factory)
        {
            var query = factory.Query().OfType("Doctor");
            if (specialty is not null)
            {
                query.WhereField("Doctor", "Specialties", f => f.Text == specialty);
            }

            if (clinic is not null)
            {
                query.WhereField("Doctor", "Clinic", f => f.Text == clinic);
            }

            if (language is not null)
            {
                query.WhereField("Doctor", "Languages", f => f.Text == language);
            }

            return query;
        }

        return await list.RenderAsync(http, "Doctors", "Doctors", $"doctors:{specialty}:{clinic}:{language}", Build, q => q.OrderByField("Doctor", "YearsOfExperience", f => f.Number, descending: true), PageSize, new()
        {
            ["Specialties"] = Options(specialties, specialty),
            ["Clinics"] = Options(clinics, clinic),
            ["Languages"] = languages.Select(l => new Dictionary<string, object?>
            {
                ["Value"] = l,
                ["Label"] = list.Languages.Of(l, CultureInfo.GetCultureInfo(list.Culture.Name)),
                ["Selected"] = l == language,
            }).ToList(),
            ["Filtered"] = specialty is not null || clinic is not null || language is not null,
        });
    }

    private static async Task<IResult> TreatmentsAsync(HttpContext http, ListContext list)
    {
        return await list.RenderAsync(http, "Treatments", "Treatments", "treatments", q => q.Query().OfType("Treatment"), q => q.OrderBy(x => x.DisplayText), 24, []);
    }

    /// <summary>A term's or item's id; a term stored without one (odd data) offers nothing to choose.</summary>
    private static string Id(Dictionary<string, object?> choice) => choice.GetValueOrDefault("ContentItemId") as string ?? string.Empty;

    private static List<Dictionary<string, object?>> Options(List<Dictionary<string, object?>> choices, string? selected) =>
        [.. choices.Select(c => new Dictionary<string, object?>
        {
            ["Value"] = c.GetValueOrDefault("ContentItemId"),
            ["Label"] = c.GetValueOrDefault("DisplayText"),
            ["Selected"] = Id(c) == selected,
        })];
}
