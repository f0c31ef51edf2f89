using System.Text.RegularExpressions;
using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Contents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.TemplatesAdmin;

/// <summary>
/// The template editor's handlers. A source that Fluid cannot parse is never saved (400, the error with its line and
/// column next to the editor); a preview renders the chosen item's page with the unsaved source in this request only.
/// </summary>
internal static partial class TemplateEndpoints
{
    public static async Task<IResult> EditAsync(HttpContext http, TemplateStore store)
    {
        var name = http.Request.Query["name"].ToString();
        if (!IsViewName(name))
        {
            return Results.NotFound();
        }

        var current = (await store.OverridesAsync()).GetValueOrDefault(name);
        var content = current?.Content ?? store.ThemeSource(name) ?? string.Empty;
        return Page(new TemplateForm(name, content, current?.Description ?? string.Empty, http.Request.Query["item"].ToString()), null, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveOrPreviewAsync(HttpContext http, AdminRequest admin, TemplateStore store, TemplateOverrides overrides, LiquidEngine liquid)
    {
        var form = await http.Request.ReadFormAsync();
        var posted = new TemplateForm(form["name"].ToString(), form["content"].ToString().ReplaceLineEndings("\n"), form["description"].ToString().Trim(), form["item"].ToString());
        if (!IsViewName(posted.Name))
        {
            return Page(posted, new FormErrors().Add("name", admin.T("Not a view name.")), null, StatusCodes.Status400BadRequest);
        }

        if (store.Check(posted.Name, posted.Content) is { } error)
        {
            var message = error.Line is { } line
                ? admin.T("Liquid error at line {0}, column {1}: {2}", line, error.Column, error.Message)
                : admin.T("Liquid error: {0}", error.Message);
            return Page(posted, new FormErrors().Add("content", message), error, StatusCodes.Status400BadRequest);
        }

        if (form["action"] == "preview")
        {
            return await PreviewAsync(http, admin, posted, overrides, liquid);
        }

        await store.SaveAsync(posted.Name, posted.Content, posted.Description.Length == 0 ? null : posted.Description, admin.UserName);
        return AdminResults.RedirectWithFlash(admin, "/admin/templates/edit?name=" + Uri.EscapeDataString(posted.Name), admin.T("Template {0} saved.", posted.Name));
    }

    public static async Task<IResult> RevertAsync(HttpContext http, AdminRequest admin, TemplateStore store)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString();
        var history = IsViewName(name) ? await store.HistoryAsync(name) : [];
        if (!int.TryParse(form["version"], out var index) || index < 0 || index >= history.Count)
        {
            return Results.NotFound();
        }

        var version = history[index];
        await store.SaveAsync(name, version.Content, version.Description, admin.UserName);
        return AdminResults.RedirectWithFlash(admin, "/admin/templates/edit?name=" + Uri.EscapeDataString(name), admin.T("Template {0} restored to the version of {1}.", name, version.SavedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static async Task<IResult> RemoveAsync(HttpContext http, AdminRequest admin, TemplateStore store)
    {
        var name = (await http.Request.ReadFormAsync())["name"].ToString();
        if (!IsViewName(name))
        {
            return Results.NotFound();
        }

        await store.RemoveAsync(name);
        return AdminResults.RedirectWithFlash(admin, "/admin/templates", admin.T("Template {0} uses the theme's view again.", name));
    }

    /// <summary>The chosen item's page (its latest version, draft or published), with the unsaved source for this view.</summary>
    private static async Task<IResult> PreviewAsync(HttpContext http, AdminRequest admin, TemplateForm posted, TemplateOverrides overrides, LiquidEngine liquid)
    {
        var services = http.RequestServices;
        var item = posted.PreviewItem.Length == 0 ? null : await services.GetRequiredService<ContentManager>().GetAsync(posted.PreviewItem, VersionOptions.Latest);
        if (item is null)
        {
            return Page(posted, new FormErrors().Add("item", admin.T("Choose a content item to preview with.")), null, StatusCodes.Status400BadRequest);
        }

        overrides.Preview(posted.Name, liquid.Parse(posted.Content, posted.Name));
        var composing = new ContentPageContext(http, item, null);
        composing.Model["ContentItem"] = services.GetRequiredService<LiquidModelCache>().Of(item);
        foreach (var composer in services.GetServices<IContentPageComposer>().Where(c => c.AppliesTo(item.ContentType)))
        {
            await composer.ComposeAsync(composing);
        }

        var page = new PageModel([$"Content-{item.ContentType}", "Content"], composing.Model) { Title = item.DisplayText, NoIndex = true };
        return await services.GetRequiredService<PageRenderer>().RenderAsync(http, page);
    }

    private static IResult Page(TemplateForm form, FormErrors? errors, LiquidError? error, int status) =>
        AdminResults.Page<TemplateEditPage>(new Dictionary<string, object?> { ["Form"] = form, ["Errors"] = errors, ["Error"] = error }, status);

    private static bool IsViewName(string name) => ThemePaths.IsSafe(name) && ViewName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")]
    private static partial Regex ViewName();
}
