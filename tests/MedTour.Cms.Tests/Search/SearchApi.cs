using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Search;

/// <summary>Calls <c>/{prefix}/api/search</c> and reads its JSON.</summary>
public static class SearchApi
{
    public static async Task<(HttpStatusCode Status, JsonObject Json)> GetAsync(SiteFixture site, string siteBase, string query)
    {
        using var client = site.Client();
        using var response = await client.GetAsync(new Uri($"{siteBase}/api/search?{query}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{siteBase}/api/search?{query}: {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
        return (response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    public static async Task<JsonObject> OkAsync(SiteFixture site, string siteBase, string query)
    {
        var (status, json) = await GetAsync(site, siteBase, query);
        Assert.True(status == HttpStatusCode.OK, $"{query}: {(int)status} {json}");
        return json;
    }

    public static List<string> Ids(JsonObject json) => [.. json["hits"]!.AsArray().Select(h => (string)h!["contentItemId"]!)];

    public static int Total(JsonObject json) => (int)json["total"]!;

    public static string Token() => "zq" + Guid.NewGuid().ToString("N")[..10].Replace('0', 'x').Replace('1', 'y');
}
