using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// A Form item's page: the form with a fresh ticket and antiforgery token (the page is never cached, see ContentEndpoints),
/// its fields prefilled from the query parameters they declare (the condition of the article it was opened from).
/// </summary>
public sealed class FormPage(FormView view, PageCulture culture) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => contentType == "Form";

    public Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (FormDefinition.Of(context.Item) is { } form)
        {
            context.Model["Form"] = view.Build(context.Http, form, FormEndpoints.ActionOf(context.Http, culture, context.Item), Prefills(context.Http, form));
        }

        return Task.CompletedTask;
    }

    /// <summary>Fields declaring <c>FromQuery</c> start with that parameter's value, when the field would accept it.</summary>
    private static Dictionary<string, string> Prefills(Microsoft.AspNetCore.Http.HttpContext http, FormDefinition form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields.Where(f => f.FromQuery is { Length: > 0 }))
        {
            if (FormValidator.Prefill(form, field, http.Request.Query[field.FromQuery!].ToString()) is { } value)
            {
                values[field.Name] = value;
            }
        }

        return values;
    }
}
