using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Seo;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>A clinic with its country, specialties, treatments and doctors; a MedicalClinic.</summary>
public sealed class ClinicPage(SiteItems items) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => contentType == "Clinic";

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clinic = context.Item.FindPart("Clinic");
        var country = (await items.PickedTermsAsync(clinic?["Country"])).FirstOrDefault();
        var specialties = await items.PickedTermsAsync(clinic?["Specialties"]);
        var id = context.Item.ContentItemId;
        var doctors = await items.ListAsync($"clinic-doctors:{id}", q => q.Query().OfType("Doctor")
            .WhereField("Doctor", "Clinic", f => f.Text == id)
            .OrderBy(x => x.DisplayText)
            .ListAsync(take: 50));
        context.Model["Country"] = country;
        context.Model["Specialties"] = specialties;
        context.Model["Treatments"] = await items.LoadAsync(SiteItems.Ids(clinic?["Treatments"]));
        context.Model["Doctors"] = doctors;
        context.Description = $"{context.Item.DisplayText}: {SiteItems.Text(clinic?["City"])}, {country?["DisplayText"]}";

        var url = context.PageUrl;
        context.SetBreadcrumbs(("Clinics", context.AbsoluteUrl("clinics")));
        var thing = SchemaOrg.Thing("MedicalClinic", context.Item.DisplayText, url);
        thing["address"] = SchemaOrg.Without(new()
        {
            ["@type"] = "PostalAddress",
            ["streetAddress"] = SiteItems.Text(clinic?["Address"]),
            ["addressLocality"] = SiteItems.Text(clinic?["City"]),
            ["addressCountry"] = country?["DisplayText"],
        });
        thing["medicalSpecialty"] = specialties.Select(s => s["DisplayText"]).ToList();
        if (SiteItems.MediaPath(clinic?["Photos"]) is { } photo)
        {
            thing["image"] = context.AbsoluteUrl("media/" + photo);
        }

        context.StructuredData.Add(thing);
        context.StructuredData.Add(SchemaOrg.BreadcrumbList(context.Breadcrumbs));
    }
}
