using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Content.Parts;

/// <summary>An item's culture must be one of its site's; a new item starts its own localization set.</summary>
public sealed class LocalizationPartHandler(CurrentTenant tenant) : IContentPartHandler
{
    public string PartName => "LocalizationPart";

    public ValueTask UpdatingAsync(PartUpdateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cultures = tenant.Settings.Cultures;
        var culture = context.GetString("Culture");
        if (string.IsNullOrEmpty(culture))
        {
            context.Part["Culture"] = tenant.Settings.DefaultCulture;
        }
        else if (!cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
        {
            context.Error("Culture", $"'{culture}' is not a culture of this site ({string.Join(", ", cultures)}).");
        }

        if (string.IsNullOrEmpty(context.GetString("LocalizationSet")))
        {
            context.Part["LocalizationSet"] = ContentIds.New();
        }

        return ValueTask.CompletedTask;
    }
}
