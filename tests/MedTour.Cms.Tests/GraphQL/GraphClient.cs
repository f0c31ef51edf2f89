using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>
/// Sends GraphQL requests to a tenant's endpoint and parses the answers. Every document sent is also written to
/// <see cref="QueryLog"/> (with the tenant's introspection result, see <see cref="GraphQLClientValidationTests"/>) so
/// the real <c>graphql</c> npm client can validate them against the schema (tests/graphql-client).
/// </summary>
public sealed class GraphClient(SiteFixture site, string prefix, string? token = null, string? address = null)
{
    public static readonly string QueryLog = Environment.GetEnvironmentVariable("MEDTOUR_GRAPHQL_OUT")
        ?? Path.Combine(Path.GetTempPath(), "medtour-graphql-client");

    /// <param name="log">False only for documents of a schema the tenant will not have when its introspection is
    /// written (a test tenant whose definition changes mid-test).</param>
    /// <param name="invalid">The document is sent on purpose as invalid (the client check expects it to fail validation).</param>
    public async Task<GraphAnswer> PostAsync(string query, object? variables = null, bool log = true, bool invalid = false)
    {
        if (log)
        {
            Log(prefix, query, invalid);
        }

        using var client = Client();
        using var response = await client.PostAsJsonAsync(new Uri(prefix + "/api/graphql", UriKind.Relative), new { query, variables });
        return await GraphAnswer.ReadAsync(response);
    }

    public async Task<GraphAnswer> GetAsync(string queryString, IEnumerable<(string, string)>? headers = null)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(prefix + "/api/graphql?" + queryString, UriKind.Relative));
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        return await GraphAnswer.ReadAsync(response);
    }

    public async Task<GraphAnswer> SendRawAsync(string body, string contentType)
    {
        using var client = Client();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync(new Uri(prefix + "/api/graphql", UriKind.Relative), content);
        return await GraphAnswer.ReadAsync(response);
    }

    public HttpClient Client()
    {
        // A remote address of its own where the rate limits of the forms pipeline count per address.
        var client = address is null ? site.Client() : site.ClientFrom(address);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    // queries/<prefix>/<hash>[.invalid].graphql: validated by tests/graphql-client against introspection/<prefix>.json.
    private static void Log(string prefix, string query, bool invalid)
    {
        var folder = Path.Combine(QueryLog, "queries", prefix.Trim('/'));
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
        File.WriteAllText(Path.Combine(folder, name + (invalid ? ".invalid.graphql" : ".graphql")), query);
    }
}

public sealed record GraphAnswer(HttpStatusCode Status, JsonObject? Json, string Body, HttpResponseHeadersSnapshot Headers)
{
    public JsonNode? Data => Json?["data"];

    public JsonArray? Errors => Json?["errors"] as JsonArray;

    public string? FirstError => Errors is [var first, ..] ? first?["message"]?.GetValue<string>() : null;

    public static async Task<GraphAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        JsonObject? json = null;
        try
        {
            json = body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
        }
        catch (JsonException)
        {
        }

        return new GraphAnswer(response.StatusCode, json, body, new HttpResponseHeadersSnapshot(
            response.Headers.ETag?.Tag, response.Headers.CacheControl?.ToString(), response.Headers.Age, response.Content.Headers.ContentType?.MediaType));
    }

    /// <summary>Asserts a successful answer without errors and returns its data.</summary>
    public JsonNode Ok()
    {
        Assert.True(Status == HttpStatusCode.OK && Errors is null && Data is not null, $"{(int)Status}: {Body}");
        return Data!;
    }
}

public sealed record HttpResponseHeadersSnapshot(string? ETag, string? CacheControl, TimeSpan? Age, string? ContentType);
