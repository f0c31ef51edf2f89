using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Seo;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>A doctor with their clinic, specialties, languages and experience; a Physician.</summary>
public sealed class DoctorPage(SiteItems items) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => contentType == "Doctor";

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var doctor = context.Item.FindPart("Doctor");
        var clinic = await items.LoadOneAsync(SiteItems.Ids(doctor?["Clinic"]).FirstOrDefault());
        var specialties = await items.PickedTermsAsync(doctor?["Specialties"]);
        context.Model["Clinic"] = clinic;
        context.Model["Specialties"] = specialties;
        context.Description = $"{context.Item.DisplayText}: {string.Join(", ", specialties.Select(s => s["DisplayText"]))}{(clinic is null ? "" : ", " + clinic["DisplayText"])}";

        var url = context.PageUrl;
        context.SetBreadcrumbs(("Doctors", context.AbsoluteUrl("doctors")));
        var physician = SchemaOrg.Thing("Physician", context.Item.DisplayText, url);
        physician["medicalSpecialty"] = specialties.Select(s => s["DisplayText"]).ToList();
        physician["knowsLanguage"] = SiteItems.Ids(doctor?["Languages"], "Values");
        if (clinic is not null)
        {
            physician["hospitalAffiliation"] = SchemaOrg.Without(new() { ["@type"] = "MedicalClinic", ["name"] = clinic["DisplayText"], ["url"] = clinic["Url"] is string u ? context.Origin + u : null });
        }

        if (SiteItems.MediaPath(doctor?["Photo"]) is { } photo)
        {
            physician["image"] = context.AbsoluteUrl("media/" + photo);
        }

        context.StructuredData.Add(physician);
        context.StructuredData.Add(SchemaOrg.BreadcrumbList(context.Breadcrumbs));
    }
}
