using System.Globalization;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Display;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// Posts to forms: a browser posts to the form's own page and is redirected (post/redirect/get) to its confirmation, or
/// sees the form again with its errors; a headless client posts JSON or multipart to the API and gets the reference or
/// a problem+json naming the fields. The form pages themselves are content pages (<see cref="FormPage"/>).
/// </summary>
public static class FormEndpoints
{
    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Forms").RequireFeature("Contents");
        group.MapPost("/api/forms/{form}/submissions", ApiAsync).WithName("FormSubmissionsApi");
        group.MapGet("/forms/sent/{receipt}", SentAsync).WithName("FormSent");
        // Any other POST to a page: a form's page is where its form posts (no JavaScript needed to find the endpoint).
        group.MapPost("/{**path}", PostAsync).WithName("FormPost");
        return endpoints;
    }

    /// <summary>Where a form item's page posts: its own path, under the site and culture prefix.</summary>
    public static string ActionOf(HttpContext http, PageCulture culture, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(item);
        // A culture's own item has the culture in its path ("ru/…"); another culture's page shows it under its prefix.
        var path = item.FindPart("AutoroutePart")?["Path"].AsText() ?? string.Empty;
        var prefix = culture.Prefix.TrimStart('/');
        return prefix.Length > 0 && !path.StartsWith(prefix + "/", StringComparison.Ordinal)
            ? $"{http.Request.PathBase}{culture.Prefix}/{path}"
            : $"{http.Request.PathBase}/{path}";
    }

    private static async Task<IResult> PostAsync(string? path, HttpContext http, PageCulture culture, PublishedContent published, PageRenderer renderer,
        LiquidModelCache models, SubmissionPipeline pipeline, FormView view, FormReceipt receipts)
    {
        path = path?.Trim('/') ?? string.Empty;
        var target = (culture.Prefix.Length > 0 ? await published.FindRouteAsync(culture.Prefix.TrimStart('/') + "/" + path, culture.Name) : null)
            ?? await published.FindRouteAsync(path, culture.Name);
        var item = target is { ContainedContentItemId: null } ? await published.GetAsync(target.ContentItemId) : null;
        if (item is null || FormDefinition.Of(item) is not { } form)
        {
            return await Site.ProblemPage.RenderAsync(http, renderer, StatusCodes.Status404NotFound, "There is no form at this address.");
        }

        PageQuery.DoNotStore(http);
        var outcome = await pipeline.RunAsync(http, form, browser: true);
        if (outcome.Reference is { } reference)
        {
            return Results.Redirect($"{http.Request.PathBase}{culture.Prefix}/forms/sent/{receipts.Issue(form.FormId, reference)}", permanent: false, preserveMethod: false);
        }

        SetRetryAfter(http, outcome);
        var model = new Dictionary<string, object?>
        {
            ["ContentItem"] = models.Of(item),
            ["Form"] = view.Build(http, form, ActionOf(http, culture, item), outcome.Posted, outcome.Errors),
        };
        return await renderer.RenderAsync(http, new PageModel(["Content-Form", "Content"], model) { Title = item.DisplayText, NoIndex = true }, outcome.Status);
    }

    private static async Task<IResult> SentAsync(string receipt, HttpContext http, PublishedContent published, PageRenderer renderer, FormReceipt receipts, FormMessages messages)
    {
        PageQuery.DoNotStore(http);
        if (receipts.Read(receipt) is not { } sent || await published.GetAsync(sent.FormId) is not { } item || FormDefinition.Of(item) is not { } form)
        {
            return await Site.ProblemPage.RenderAsync(http, renderer, StatusCodes.Status404NotFound, "This confirmation is no longer available.");
        }

        var model = new Dictionary<string, object?>
        {
            ["Reference"] = sent.Reference,
            ["Message"] = form.SuccessMessage,
            ["FormTitle"] = form.Title,
        };
        return await renderer.RenderAsync(http, new PageModel(["Form-Sent"], model) { Title = messages.Text("Request sent"), NoIndex = true });
    }

    private static async Task<IResult> ApiAsync(string form, HttpContext http, PageCulture culture, PublishedContent published, SubmissionPipeline pipeline, FormMessages messages)
    {
        if (await FormLookup.FindAsync(form, culture, published) is not { } definition)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: messages.Text("There is no form at this address."));
        }

        var outcome = await pipeline.RunAsync(http, definition, browser: false);
        if (outcome.Reference is { } reference)
        {
            return Results.Json(new { reference }, statusCode: StatusCodes.Status201Created);
        }

        SetRetryAfter(http, outcome);
        var fieldErrors = outcome.Errors.Where(e => e.Field.Length > 0)
            .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => messages.Of(e, definition)).ToArray());
        var general = outcome.Errors.FirstOrDefault(e => e.Field.Length == 0);
        var title = general is not null ? messages.Of(general, definition) : messages.Text("Please correct the fields shown.");
        return fieldErrors.Count > 0
            ? Results.ValidationProblem(fieldErrors, title: title, statusCode: outcome.Status)
            : Results.Problem(title: title, statusCode: outcome.Status);
    }

    private static void SetRetryAfter(HttpContext http, SubmissionOutcome outcome)
    {
        if (outcome.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
