using System.Globalization;
using MedTour.Cms.Modules.Localization;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Forms;

/// <summary>Form messages in the page's language: the theme's PO files, with the field's label in place of {0}. Scoped.</summary>
public sealed class FormMessages(PoCatalog catalog, CurrentTenant tenant, Display.PageCulture culture)
{
    public string Text(string message, params object?[] arguments)
    {
        var translated = catalog.Translate(tenant.Settings.Theme, culture.Name.Split('-')[0], message);
        return arguments.Length == 0 ? translated : string.Format(CultureInfo.GetCultureInfo(culture.Name), translated, arguments);
    }

    public string Of(FormError error, FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(form);
        return Text(error.Message, form.Field(error.Field)?.Label ?? error.Field);
    }
}
