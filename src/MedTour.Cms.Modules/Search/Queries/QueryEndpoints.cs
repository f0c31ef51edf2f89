using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Contents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>
/// <c>GET|POST /api/queries/{name}?parameters={json}</c>: runs a named query, as Orchard's queries API does. Only
/// published items are in the index, so the result is what the public site shows anyway.
/// </summary>
public static class QueryEndpoints
{
    public static IEndpointRouteBuilder MapQueries(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/queries").WithTags("Search").RequireFeature("Contents");
        group.MapGet("/{name}", RunAsync).WithName("RunQuery");
        group.MapPost("/{name}", RunAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> RunAsync(string name, HttpContext http, QueryRunner runner)
    {
        PageQuery.DoNotStore(http);
        if (await runner.FindAsync(name) is not { } query)
        {
            return Results.Json(new { error = $"name: there is no query '{name}'.", field = "name" }, statusCode: StatusCodes.Status404NotFound);
        }

        var text = http.Request.Query["parameters"].ToString();
        if (text.Length == 0 && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            text = (await http.Request.ReadFormAsync(http.RequestAborted))["parameters"].ToString();
        }

        Dictionary<string, JsonNode?> parameters;
        try
        {
            parameters = text.Length == 0 ? [] : (JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object")).ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        }
        catch (JsonException e)
        {
            return Results.Json(new { error = "parameters: a JSON object: " + e.Message, field = "parameters" }, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var (items, _) = await runner.RunAsync(query, parameters, http.RequestAborted);
            return Results.Text(items.ToJsonString(), "application/json");
        }
        catch (QueryDslException e)
        {
            return Results.Json(new { error = e.Message, field = "parameters" }, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
