using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;

namespace MedTour.Cms.Modules.Forms;

/// <summary>A Form item's page: the form with a fresh ticket and antiforgery token (the page is never cached, see ContentEndpoints).</summary>
public sealed class FormPage(FormView view, PageCulture culture) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => contentType == "Form";

    public Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (FormDefinition.Of(context.Item) is { } form)
        {
            context.Model["Form"] = view.Build(context.Http, form, FormEndpoints.ActionOf(context.Http, culture, context.Item));
        }

        return Task.CompletedTask;
    }
}
