using System.Net;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>Orchard-style queries for every MedTour type, against the europe site set up from the real recipes.</summary>
public abstract class GraphQLQueryTests(SiteFixture site)
{
    private readonly GraphClient _eu = new(site, "/eu");

    [Fact]
    public async Task Articles_come_in_Orchards_shape_with_parts_fields_and_pickers_through_fragments()
    {
        var data = (await _eu.PostAsync("""
            {
              article(first: 1, where: { autoroutePart: { path: "liver-metastasis" } }) {
                contentItemId contentItemVersionId contentType displayText published latest createdUtc modifiedUtc publishedUtc owner author
                titlePart { title }
                autoroutePart { path }
                htmlBodyPart { html }
                localizationPart { culture localizationSet }
                summary { text }
                heroImage { paths urls mediaTexts }
                lastReviewed { value }
                medicalAuthor { contentItemIds contentItems { contentItemId ... on Person { displayText credentials { text } roles { values } bio { html } } } }
                conditions { taxonomyContentItemId termContentItemIds termContentItems { contentItemId displayText ... on Condition { autoroutePart { path } } } }
                treatments { contentItems { ... on Treatment { displayText summary { text } countries { termContentItems { displayText } } } } }
                relatedClinics { contentItems { ... on Clinic { displayText city { text } address { text } accreditations { values } photos { urls } } } }
                relatedDoctors { contentItems { ... on Doctor { displayText yearsOfExperience { value } languages { values } clinic { contentItems { displayText } } } } }
              }
            }
            """)).Ok();
        var article = Assert.Single(data["article"]!.AsArray())!;
        Assert.Equal("eu-article-liver-metastasis", article["contentItemId"]!.GetValue<string>());
        Assert.Equal("Article", article["contentType"]!.GetValue<string>());
        Assert.Equal("liver-metastasis", article["autoroutePart"]!["path"]!.GetValue<string>());
        Assert.Equal(article["displayText"]!.GetValue<string>(), article["titlePart"]!["title"]!.GetValue<string>());
        Assert.Contains("<", article["htmlBodyPart"]!["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/eu/media/", article["heroImage"]!["urls"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var author = Assert.Single(article["medicalAuthor"]!["contentItems"]!.AsArray())!;
        Assert.Equal("eu-person-01", author["contentItemId"]!.GetValue<string>());
        Assert.Equal("Katrin Vogel", author["displayText"]!.GetValue<string>());
        Assert.Contains("oncologist", author["credentials"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(article["conditions"]!["termContentItems"]!.AsArray());
        Assert.All(article["conditions"]!["termContentItems"]!.AsArray(), t => Assert.False(string.IsNullOrEmpty(t!["displayText"]!.GetValue<string>())));
        Assert.NotEmpty(article["relatedClinics"]!["contentItems"]!.AsArray());
        Assert.NotEmpty(article["relatedDoctors"]!["contentItems"]!.AsArray());
    }

    [Theory]
    [InlineData("clinic", "displayText city { text } country { termContentItems { displayText } } specialties { termContentItemIds } treatments { contentItems { displayText } } htmlBodyPart { html }")]
    [InlineData("doctor", "displayText yearsOfExperience { value } specialties { termContentItems { displayText } } languages { values } photo { paths urls } bio { html } clinic { contentItems { ... on Clinic { city { text } } } }")]
    [InlineData("treatment", "displayText summary { text } countries { termContentItemIds } htmlBodyPart { html }")]
    [InlineData("person", "displayText credentials { text } roles { values } photo { urls mediaTexts } bio { html } autoroutePart { path }")]
    [InlineData("taxonomy", "displayText taxonomyPart { termContentType contentItems { contentItemId displayText } }")]
    public async Task Every_MedTour_type_has_a_root_field_returning_its_published_items(string field, string selection)
    {
        var items = (await _eu.PostAsync($"{{ {field}(first: 50) {{ contentItemId contentType {selection} }} }}")).Ok()[field]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(char.ToUpperInvariant(field[0]) + field[1..], i!["contentType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_document_that_ran_is_kept_parsed_and_validated_and_answers_the_same_the_second_time()
    {
        // A unique alias makes a document no other test sent; its SHA-256 is its key in the tenant's document cache.
        var query = "{ a" + Guid.NewGuid().ToString("N")[..8] + ": article(first: 2, orderBy: { displayText: ASC }) { displayText medicalAuthor { contentItems { displayText } } } }";
        var first = (await _eu.PostAsync(query)).Ok();
        var entry = site.Service<MedTour.Cms.Modules.Graph.Schema.TenantSchemaCache>().Find("europe");
        Assert.NotNull(entry);
        Assert.NotNull(entry.FindDocument(MedTour.Cms.Modules.Graph.DocumentHash.Of(query)));
        var second = (await _eu.PostAsync(query)).Ok();
        Assert.Equal(first.ToJsonString(), second.ToJsonString());

        // A document that failed validation is not kept: it fails again, with its error.
        var invalid = "{ article { noSuchField" + Guid.NewGuid().ToString("N")[..6] + " } }";
        Assert.NotNull((await _eu.PostAsync(invalid, invalid: true)).FirstError);
        Assert.Null(entry.FindDocument(MedTour.Cms.Modules.Graph.DocumentHash.Of(invalid)));
        Assert.NotNull((await _eu.PostAsync(invalid, invalid: true)).FirstError);
    }

    [Fact]
    public async Task A_read_answered_directly_has_the_bytes_GraphQL_NETs_own_execution_writes()
    {
        // The same selection twice: as it is (every field answers from memory: run directly, ADR 0045) and with an
        // @include directive, which sends it through GraphQL.NET's strategy. Both are run twice (the first run of a
        // document may warm caches), and the answers must be the same bytes.
        const string selection = """
            article(first: 20, orderBy: { displayText: ASC }) {
              contentItemId contentItemVersionId contentType displayText published latest createdUtc modifiedUtc publishedUtc owner author
              titlePart { title } autoroutePart { path } htmlBodyPart { html } localizationPart { culture localizationSet }
              summary { text } heroImage { paths urls mediaTexts } lastReviewed { value }
              medicalAuthor { contentItemIds contentItems { contentItemId ... on Person { displayText credentials { text } roles { values } } } }
              relatedClinics { contentItems { ... on Clinic { displayText city { text } accreditations { values } photos { urls } } } }
              relatedDoctors { contentItems { ... on Doctor { displayText yearsOfExperience { value } languages { values } } } }
            }
            """;
        var direct = "{ " + selection + " }";
        var library = "{ " + selection.Replace("contentItemId contentItemVersionId", "contentItemId @include(if: true) contentItemVersionId", StringComparison.Ordinal) + " }";
        await _eu.PostAsync(direct);
        await _eu.PostAsync(library);
        var executor = site.Service<MedTour.Cms.Modules.Graph.GraphExecutor>();
        var runs = executor.DirectRuns;
        var directAnswer = await _eu.PostAsync(direct);
        Assert.Equal(runs + 1, executor.DirectRuns);
        var libraryAnswer = await _eu.PostAsync(library);
        Assert.Equal(runs + 1, executor.DirectRuns);
        Assert.NotEmpty(directAnswer.Ok()["article"]!.AsArray());
        Assert.Equal(libraryAnswer.Body, directAnswer.Body);
    }

    [Fact]
    public async Task A_plain_published_read_runs_directly_and_one_with_a_meta_field_through_GraphQL_NET()
    {
        // The bench's read (phase q), and the same with __typename, which the direct path leaves to the library.
        const string plain = "{ article(first: 5, orderBy: { displayText: ASC }) { contentItemId displayText autoroutePart { path } summary { text } lastReviewed { value } medicalAuthor { contentItems { ... on Person { contentItemId displayText } } } } }";
        var executor = site.Service<MedTour.Cms.Modules.Graph.GraphExecutor>();
        await _eu.PostAsync(plain);
        var runs = executor.DirectRuns;
        var answer = (await _eu.PostAsync(plain)).Ok();
        Assert.Equal(runs + 1, executor.DirectRuns);
        Assert.Equal(5, answer["article"]!.AsArray().Count);
        var meta = (await _eu.PostAsync(plain.Replace("contentItemId displayText autoroutePart", "__typename contentItemId displayText autoroutePart", StringComparison.Ordinal))).Ok();
        Assert.Equal(runs + 1, executor.DirectRuns);
        Assert.Equal("Article", meta["article"]![0]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task ContentItem_by_id_and_site_settings()
    {
        var data = (await _eu.PostAsync("""
            { contentItem(contentItemId: "eu-doctor-brenner") { contentType displayText ... on Doctor { yearsOfExperience { value } } }
              siteSettings { siteName region cultures defaultCulture phoneLines { label number dialable } } }
            """)).Ok();
        Assert.Equal("Doctor", data["contentItem"]!["contentType"]!.GetValue<string>());
        Assert.Equal(22, data["contentItem"]!["yearsOfExperience"]!["value"]!.GetValue<double>());
        Assert.False(string.IsNullOrEmpty(data["siteSettings"]!["region"]?.GetValue<string>()));
        Assert.NotEmpty(data["siteSettings"]!["cultures"]!.AsArray());
    }

    [Fact]
    public async Task Coordinators_and_forms_are_not_in_the_schema_nor_reachable_by_id()
    {
        var answer = await _eu.PostAsync("{ coordinator { displayText } }", invalid: true);
        Assert.Contains("coordinator", answer.FirstError, StringComparison.Ordinal);
        Assert.NotNull(answer.Json!["errors"]![0]!["locations"]);
        var byId = (await _eu.PostAsync("""{ contentItem(contentItemId: "eu-coordinator-anna") { displayText } }""")).Ok();
        Assert.Null(byId["contentItem"]);
        var form = (await _eu.PostAsync("""{ contentItem(contentItemId: "eu-form-consultation") { displayText } }""")).Ok();
        Assert.Null(form["contentItem"]);
        var schema = (await _eu.PostAsync("{ __schema { types { name } } }")).Ok();
        var names = schema["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("Coordinator", names);
        Assert.DoesNotContain("Form", names);
        Assert.Contains("Article", names);
    }

    [Fact]
    public async Task Another_tenants_items_are_not_found()
    {
        var ua = new GraphClient(site, "/ua");
        var fromUkraine = (await ua.PostAsync("""{ contentItem(contentItemId: "eu-article-liver-metastasis") { displayText } article(where: { contentItemId: "eu-article-liver-metastasis" }) { displayText } }""")).Ok();
        Assert.Null(fromUkraine["contentItem"]);
        Assert.Empty(fromUkraine["article"]!.AsArray());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLQuerySqliteTests(SqliteSite site) : GraphQLQueryTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLQueryPostgresTests(PostgresSite site) : GraphQLQueryTests(site);
