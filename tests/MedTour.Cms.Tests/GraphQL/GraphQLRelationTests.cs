using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>Relations are loaded in batches: a page of 50 articles with all their relations costs as many SQL statements as a page of 5.</summary>
public abstract class GraphQLRelationTests(SiteFixture site)
{
    private const string Page = """
        query Page($marker: String!, $first: Int!) {
          article(where: { summary_contains: $marker }, first: $first, orderBy: { displayText: ASC }) {
            displayText
            medicalAuthor { contentItems { ... on Person { displayText credentials { text } } } }
            medicalEditor { contentItems { displayText } }
            relatedClinics { contentItems { ... on Clinic { displayText city { text } } } }
            relatedDoctors { contentItems { ... on Doctor { displayText yearsOfExperience { value } } } }
            treatments { contentItems { displayText } }
            conditions { termContentItems { displayText } }
          }
        }
        """;

    [Fact]
    public async Task Fifty_articles_with_author_editor_clinics_doctors_and_conditions_cost_the_same_statements_as_five()
    {
        var marker = "rel" + Guid.NewGuid().ToString("N")[..10];
        await CreateArticlesAsync(marker, 50);
        var eu = new GraphClient(site, "/eu");
        await SettledAsync(eu);
        int fifty, five;
        List<string> fiftyTexts, fiveTexts;
        using (var counter = new SqlCommandCounter(site, requestsOnly: true))
        {
            var data = (await eu.PostAsync(Page, new { marker, first = 50 })).Ok();
            Assert.Equal(50, data["article"]!.AsArray().Count);
            Assert.All(data["article"]!.AsArray(), a =>
            {
                Assert.Equal("Katrin Vogel", a!["medicalAuthor"]!["contentItems"]![0]!["displayText"]!.GetValue<string>());
                Assert.NotEmpty(a["relatedClinics"]!["contentItems"]!.AsArray());
                Assert.NotEmpty(a["relatedDoctors"]!["contentItems"]!.AsArray());
                Assert.NotEmpty(a["conditions"]!["termContentItems"]!.AsArray());
            });
            fiftyTexts = counter.ContentCommands("europe");
            fifty = fiftyTexts.Count;
        }

        // Another publish makes every published-content cache entry stale, so the page of five starts as cold.
        await CreateArticlesAsync(marker + "x", 1);
        await SettledAsync(eu);
        using (var counter = new SqlCommandCounter(site, requestsOnly: true))
        {
            Assert.Equal(5, (await eu.PostAsync(Page, new { marker, first = 5 })).Ok()["article"]!.AsArray().Count);
            fiveTexts = counter.ContentCommands("europe");
            five = fiveTexts.Count;
        }

        Assert.True(five == fifty, $"5 items: {five} statements\n{string.Join("\n", fiveTexts)}\n50 items: {fifty} statements\n{string.Join("\n", fiftyTexts)}");
        Assert.InRange(fifty, 1, 4);
    }

    // A write moves the tenant's change stamp; once this process has seen it (poll or notification) the settings and
    // definition documents are read again. Wait until a request that reads no content costs no SQL, so only the
    // content statements of the page are counted.
    private async Task SettledAsync(GraphClient eu)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var counter = new SqlCommandCounter(site, requestsOnly: true);
            (await eu.PostAsync("{ siteSettings { siteName } }")).Ok();
            if (counter.Of("europe") == 0 && attempt > 0)
            {
                return;
            }

            await Task.Delay(400);
        }
    }

    private async Task CreateArticlesAsync(string marker, int count)
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        for (var i = 0; i < count; i++)
        {
            var article = Articles.New($"{marker} {i:D2}", Articles.UniquePath(marker));
            var part = (JsonObject)article.Content["Article"]!;
            part["Summary"] = new JsonObject { ["Text"] = "About " + marker };
            part["MedicalEditor"] = new JsonObject { ["ContentItemIds"] = new JsonArray("eu-person-02") };
            part["RelatedClinics"] = new JsonObject { ["ContentItemIds"] = new JsonArray("eu-clinic-isar") };
            part["RelatedDoctors"] = new JsonObject { ["ContentItemIds"] = new JsonArray("eu-doctor-brenner") };
            part["Treatments"] = new JsonObject { ["ContentItemIds"] = new JsonArray("eu-treatment-resection") };
            part["Conditions"] = new JsonObject { ["TaxonomyContentItemId"] = "taxonomy-conditions", ["TermContentItemIds"] = new JsonArray("term-condition-liver-metastasis") };
            await content.CreateAsync(article);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLRelationSqliteTests(SqliteSite site) : GraphQLRelationTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLRelationPostgresTests(PostgresSite site) : GraphQLRelationTests(site);
