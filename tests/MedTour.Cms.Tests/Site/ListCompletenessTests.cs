using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>The doctors' clinic filter and the title search see every item, not the first 200 or 2,000 by title.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ListCompletenessTests(SqliteSite site)
{
    private const int Fillers = 2_001;

    private static string ContentStep()
    {
        var data = new JsonArray();
        for (var i = 0; i < Fillers; i++)
        {
            data.Add(Clinic($"f{i:D4}", $"Aaa filler clinic {i:D4}", $"fillers/{i:D4}"));
        }

        data.Add(Clinic("zzz", "Zzz needle clinic", "needle"));
        data.Add(new JsonObject
        {
            ["ContentItemId"] = "doc",
            ["ContentType"] = "Doctor",
            ["Published"] = true,
            ["TitlePart"] = new JsonObject { ["Title"] = "Dr Last Clinic" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = "doctors/last" },
            ["LocalizationPart"] = new JsonObject { ["Culture"] = "en" },
            ["Doctor"] = new JsonObject { ["Clinic"] = new JsonObject { ["ContentItemIds"] = new JsonArray("zzz") } },
        });
        return new JsonObject { ["name"] = "Content", ["data"] = data }.ToJsonString();
    }

    private static JsonObject Clinic(string id, string title, string path) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Clinic",
        ["Published"] = true,
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["AutoroutePart"] = new JsonObject { ["Path"] = path },
        ["LocalizationPart"] = new JsonObject { ["Culture"] = "en" },
    };

    [Fact]
    public async Task The_last_of_two_thousand_clinics_can_be_filtered_by_and_found()
    {
        var tenant = await site.NewTenantAsync("many", "medtour-content-types", ContentStep());
        try
        {
            var doctors = await site.GetAsync($"/{tenant}/doctors?clinic=zzz");
            Assert.Equal(HttpStatusCode.OK, doctors.Status);
            Assert.Contains("Dr Last Clinic", doctors.Body, StringComparison.Ordinal);
            Assert.NotNull(doctors.Document.QuerySelector("option[value='zzz']"));

            var search = await site.GetAsync($"/{tenant}/search?q=needle");
            Assert.Equal(HttpStatusCode.OK, search.Status);
            // Titles are highlighted ("Zzz <mark>needle</mark> clinic"): compare the hits' text.
            Assert.Contains(search.Document.QuerySelectorAll(".search-hit h3"), h => h.TextContent.Trim() == "Zzz needle clinic");
            Assert.DoesNotContain("Aaa filler clinic", search.Body, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}
