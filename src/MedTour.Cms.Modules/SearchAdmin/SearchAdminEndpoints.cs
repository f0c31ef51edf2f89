using System.Diagnostics;
using System.Globalization;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Search;
using MedTour.Cms.Modules.Search.Indexing;
using MedTour.Cms.Modules.Search.Lucene;
using MedTour.Cms.Modules.Search.Queries;
using MedTour.Cms.Modules.Search.Querying;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.SearchAdmin;

/// <summary>The search admin's page, its status JSON (polled by the progress bar), the rebuild button and the query tester.</summary>
internal static class SearchAdminEndpoints
{
    public static async Task<IResult> ShowAsync(SearchStatusReader status, CurrentTenant tenant, HttpContext http) =>
        Page(await status.ReadAsync(http.RequestAborted), QueryTestForm.Empty(tenant.Settings.DefaultCulture), null, null, StatusCodes.Status200OK);

    public static async Task<IResult> StatusAsync(SearchStatusReader status, HttpContext http) =>
        Results.Json(await status.ReadAsync(http.RequestAborted));

    /// <summary>Starts a rebuild in the background; a script asking for JSON gets 202 and polls the status, a plain form is redirected.</summary>
    public static IResult RebuildAsync(HttpContext http, AdminRequest admin, SearchIndexer indexer, CurrentTenant tenant)
    {
        var started = indexer.StartRebuild(tenant.Settings);
        var message = started ? admin.T("The rebuild has started; searches use the current index until it is done.") : admin.T("A rebuild is already running.");
        if (http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new { started, message }, statusCode: started ? StatusCodes.Status202Accepted : StatusCodes.Status409Conflict);
        }

        return AdminResults.RedirectWithFlash(admin, "/admin/search", message);
    }

    public static async Task<IResult> QueryAsync(HttpContext http, AdminRequest admin, SearchStatusReader status, CurrentTenant tenant, ISearchService search,
        QueryRunner runner, IOptions<SearchOptions> options)
    {
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        var form = new QueryTestForm(posted["mode"].ToString(), posted["q"].ToString().Trim(), posted["culture"].ToString(), posted["dsl"].ToString());
        var errors = new FormErrors();
        if (form.Mode is not ("q" or "dsl"))
        {
            errors.Add("mode", admin.T("Choose plain words or a JSON DSL query."));
        }
        else if (form.Mode == "q" && (form.Q.Length == 0 || form.Q.Length > options.Value.MaxQueryLength))
        {
            errors.Add("q", admin.T("Type from 1 to {0} characters.", options.Value.MaxQueryLength));
        }
        else if (form.Mode == "dsl" && (form.Dsl.Trim().Length == 0 || form.Dsl.Length > QueryTestForm.MaxDslLength))
        {
            errors.Add("dsl", admin.T("A JSON query of 1 to {0} characters.", QueryTestForm.MaxDslLength));
        }

        if (!tenant.Settings.Cultures.Contains(form.Culture, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("culture", admin.T("One of this site's cultures: {0}.", string.Join(", ", tenant.Settings.Cultures)));
        }

        QueryTestResult? result = null;
        if (!errors.Any)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                result = form.Mode == "q" ? await WordsAsync(search, form, http.RequestAborted) : await DslAsync(runner, form, http.RequestAborted);
                result = result with { Milliseconds = Math.Round(watch.Elapsed.TotalMilliseconds, 2) };
            }
            catch (QueryDslException e)
            {
                errors.Add("dsl", e.Message);
            }
        }

        return Page(await status.ReadAsync(http.RequestAborted), form, errors.Any ? errors : null, result,
            errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<QueryTestResult> WordsAsync(ISearchService search, QueryTestForm form, CancellationToken cancellationToken)
    {
        var found = await search.SearchAsync(new SearchRequest(form.Q, form.Culture, PageSize: 20), cancellationToken);
        var hits = found.Hits.Select(h => new QueryTestHit(h.ContentItemId, h.ContentType, h.Title, h.SnippetHtml, h.Score)).ToList();
        return new QueryTestResult(found.Total, hits, 0, found.Problem ?? (found.Fuzzy ? "fuzzy" : null));
    }

    private static async Task<QueryTestResult> DslAsync(QueryRunner runner, QueryTestForm form, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition { Name = "(tester)", Template = form.Dsl, ReturnContentItems = false };
        var (items, total) = await runner.RunAsync(query, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), cancellationToken);
        string Field(System.Text.Json.Nodes.JsonNode? item, string name) => item?[name]?.ToString() ?? string.Empty;
        var hits = items.Select(i => new QueryTestHit(Field(i, SearchFields.ContentItemId), Field(i, SearchFields.ContentType), Field(i, SearchFields.DisplayText), null, null)).ToList();
        return new QueryTestResult(total, hits, 0, null);
    }

    private static IResult Page(SearchStatus status, QueryTestForm form, FormErrors? errors, QueryTestResult? result, int statusCode) =>
        AdminResults.Page<SearchAdminPage>(new Dictionary<string, object?>
        {
            ["Status"] = status,
            ["Form"] = form,
            ["Errors"] = errors,
            ["Result"] = result,
        }, statusCode);

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
