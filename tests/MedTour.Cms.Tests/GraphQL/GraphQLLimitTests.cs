using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>Limits and bad input: a GraphQL error with a message (and a location where the document has one), never a 500.</summary>
public abstract class GraphQLLimitTests(SiteFixture site)
{
    private readonly GraphClient _eu = new(site, "/eu");

    [Fact]
    public async Task Syntax_errors_unknown_fields_and_wrong_variable_types_are_located_errors()
    {
        // The third document is valid: only its variable's value is wrong.
        foreach (var (query, variables, expected, invalid) in new (string, object?, string, bool)[]
        {
            ("{ article { displayText ", null, "Error parsing query", true),
            ("{ article { noSuchField } }", null, "noSuchField", true),
            ("query Q($n: Int) { article(first: $n) { displayText } }", new { n = "ten" }, "$n", false),
            ("{ article(first: \"ten\") { displayText } }", null, "first", true),
        })
        {
            var answer = await _eu.PostAsync(query, variables, invalid: invalid);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains(expected, answer.FirstError, StringComparison.Ordinal);
            Assert.NotNull(answer.Errors![0]!["locations"]);
            Assert.DoesNotContain("   at ", answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_GraphQL_response_media_type_gets_400_for_documents_that_do_not_validate()
    {
        using var client = site.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/eu/api/graphql", UriKind.Relative))
        {
            Content = new StringContent("""{"query":"{ article { noSuchField } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Limits_on_first_depth_complexity_and_document_size()
    {
        var tooMany = await _eu.PostAsync("{ article(first: 100000) { displayText } }");
        Assert.Contains("first", tooMany.FirstError, StringComparison.Ordinal);
        var tooManyByVariable = await _eu.PostAsync("query Q($n: Int) { article(first: $n) { displayText } }", new { n = 100000 });
        Assert.Contains("first: must be between 0 and", tooManyByVariable.FirstError, StringComparison.Ordinal);
        Assert.Contains("FIRST_OUT_OF_RANGE", tooManyByVariable.Body, StringComparison.Ordinal);

        var deep = "{ article(first: 1) { " + string.Concat(Enumerable.Repeat("localizationPart { localizations { ... on Article { ", 8)) + "displayText" + new string('}', 3 * 8) + " } }";
        var deepAnswer = await _eu.PostAsync(deep);
        Assert.Contains("depth", deepAnswer.FirstError, StringComparison.OrdinalIgnoreCase);

        // Only operations made of introspection fields alone are exempt (the client libraries' introspection query is 15 deep).
        (await _eu.PostAsync(GraphQLClientValidationTests.IntrospectionQuery)).Ok();
        var deepWithSchema = "{ __schema { queryType { name } } " + deep[1..];
        Assert.Contains("depth", (await _eu.PostAsync(deepWithSchema)).FirstError, StringComparison.OrdinalIgnoreCase);

        var wide = "{ " + string.Join(' ', Enumerable.Range(0, 30).Select(i => $"a{i}: article {{ relatedDoctors {{ contentItems {{ displayText }} }} medicalAuthor {{ contentItems {{ displayText }} }} }}")) + " }";
        var complex = await _eu.PostAsync(wide);
        Assert.Contains("complex", complex.FirstError, StringComparison.Ordinal);

        var huge = "{ article(first: 1) { displayText } }" + new string(' ', 20_000);
        var big = await _eu.PostAsync(huge);
        Assert.Equal(HttpStatusCode.BadRequest, big.Status);
        Assert.Contains("longer than", big.FirstError, StringComparison.Ordinal);

        var body = await _eu.SendRawAsync("{\"query\":\"" + new string('x', 70_000) + "\"}", "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, body.Status);
        Assert.NotNull(body.FirstError);
    }

    [Fact]
    public async Task A_cached_document_is_checked_for_complexity_again_when_a_variable_sets_first()
    {
        // Valid and cheap with first: 1, so it is kept parsed and validated; the same text with first: 100 is too complex.
        var wide = "query Q($n: Int) { " + string.Join(' ', Enumerable.Range(0, 30).Select(i => $"a{i}: article(first: $n) {{ relatedDoctors {{ contentItems {{ displayText }} }} medicalAuthor {{ contentItems {{ displayText }} }} }}"))
            + " x" + Guid.NewGuid().ToString("N")[..8] + ": siteSettings { region } }";
        (await _eu.PostAsync(wide, new { n = 1 })).Ok();
        Assert.NotNull(site.Service<MedTour.Cms.Modules.Graph.Schema.TenantSchemaCache>().Find("europe")!.FindDocument(MedTour.Cms.Modules.Graph.DocumentHash.Of(wide)));
        var complex = await _eu.PostAsync(wide, new { n = 100 });
        Assert.Contains("complex", complex.FirstError, StringComparison.Ordinal);
        (await _eu.PostAsync(wide, new { n = 1 })).Ok();
    }

    [Fact]
    public async Task Malformed_bodies_wrong_content_types_and_missing_documents()
    {
        var malformed = await _eu.SendRawAsync("{\"query\": ", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("JSON", malformed.FirstError, StringComparison.Ordinal);
        var wrongVariables = await _eu.SendRawAsync("""{"query":"{ article { displayText } }","variables":5}""", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, wrongVariables.Status);
        Assert.Contains("variables: expected a JSON object", wrongVariables.FirstError, StringComparison.Ordinal);
        foreach (var (body, member) in new[] { ("[]", "JSON object"), ("""{"query":5}""", "query: expected a string"), ("""{"query":"{ article { displayText } }","operationName":[]}""", "operationName") })
        {
            var wrong = await _eu.SendRawAsync(body, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
            Assert.Contains(member, wrong.FirstError, StringComparison.Ordinal);
            Assert.DoesNotContain("GraphQL.", wrong.FirstError, StringComparison.Ordinal);
        }

        // Variables posted as a string holding the JSON object, as some clients send them.
        Assert.Single((await _eu.SendRawAsync("""{"query":"query ($n: Int) { article(first: $n) { displayText } }","variables":"{\"n\":1}"}""", "application/json")).Ok()["article"]!.AsArray());
        var form = await _eu.SendRawAsync("query=%7B%7D", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.Status);
        Assert.Contains("application/json", form.FirstError, StringComparison.Ordinal);
        var missing = await _eu.SendRawAsync("{}", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("query", missing.FirstError, StringComparison.Ordinal);
        var plain = await _eu.SendRawAsync("{ article(first: 1) { displayText } }", "application/graphql");
        plain.Ok();
    }

    [Fact]
    public async Task Introspection_can_be_turned_off_per_site()
    {
        await GraphQLAccessTests.SetGraphQLSettingsAsync(site, "usa", new JsonObject { ["Introspection"] = false });
        try
        {
            var answer = await new GraphClient(site, "/us").PostAsync("{ __schema { queryType { name } } }");
            Assert.Contains("introspection", answer.FirstError, StringComparison.OrdinalIgnoreCase);
            (await new GraphClient(site, "/us").PostAsync("{ article(first: 1) { displayText } }")).Ok();
            (await _eu.PostAsync("{ __schema { queryType { name } } }")).Ok();
        }
        finally
        {
            await GraphQLAccessTests.SetGraphQLSettingsAsync(site, "usa", null);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLLimitSqliteTests(SqliteSite site) : GraphQLLimitTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLLimitPostgresTests(PostgresSite site) : GraphQLLimitTests(site);
