using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>
/// Every <c>where</c> operator and <c>orderBy</c> on item columns, parts and content fields, on doctors made for each
/// test (a marker value in their Languages field keeps other tests' items out).
/// </summary>
public abstract class GraphQLFilterTests(SiteFixture site) : IAsyncLifetime
{
    private readonly GraphClient _eu = new(site, "/eu");

    // The doctors a test made, removed after it: europe's doctor lists and filters are asserted by other tests.
    private readonly List<ContentItem> _created = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        foreach (var doctor in _created)
        {
            await content.RemoveAsync(doctor);
        }
    }

    private async Task<(string Marker, List<ContentItem> Doctors)> DoctorsAsync()
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..10];
        var doctors = new List<ContentItem>();
        foreach (var (name, years, date, clinic) in new[] { ("Alpha", 5, "2020-01-01", "eu-clinic-isar"), ("Bravo", 12, "2021-06-15", "eu-clinic-isar"), ("Charlie", 20, "2019-03-10", "") })
        {
            var doctor = new ContentItem
            {
                ContentType = "Doctor",
                ContentItemId = $"{marker}-{name.ToLowerInvariant()}",
                Content = new JsonObject
                {
                    ["TitlePart"] = new JsonObject { ["Title"] = $"Dr. {name} {marker}" },
                    ["AutoroutePart"] = new JsonObject { ["Path"] = $"doctors/{marker}-{name.ToLowerInvariant()}" },
                    ["LocalizationPart"] = new JsonObject { ["Culture"] = "en" },
                    ["Doctor"] = new JsonObject
                    {
                        ["Languages"] = new JsonObject { ["Values"] = new JsonArray(marker, "en") },
                        ["YearsOfExperience"] = new JsonObject { ["Value"] = (double)years }, // a double, as JSON read from a recipe gives
                        ["Clinic"] = new JsonObject { ["ContentItemIds"] = clinic.Length > 0 ? new JsonArray(clinic) : new JsonArray() },
                        ["Specialties"] = new JsonObject { ["TaxonomyContentItemId"] = "taxonomy-specialties", ["TermContentItemIds"] = new JsonArray(years > 10 ? "term-specialty-oncology" : "term-specialty-surgery") },
                    },
                },
            };
            doctors.Add(doctor);
        }

        await using var scope = site.TenantScope("europe");
        foreach (var doctor in doctors)
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(doctor);
            _created.Add(doctor);
        }

        return (marker, doctors);
    }

    private async Task<List<string>> NamesAsync(string marker, string where, string orderBy = "{ displayText: ASC }")
    {
        var data = (await _eu.PostAsync($$"""{ doctor(where: { languages: { values_contains: "{{marker}}" } {{where}} }, orderBy: {{orderBy}}) { displayText } }""")).Ok();
        return [.. data["doctor"]!.AsArray().Select(d => d!["displayText"]!.GetValue<string>().Split(' ')[1])];
    }

    [Fact]
    public async Task Item_column_operators_and_logic()
    {
        var (m, _) = await DoctorsAsync();
        Assert.Equal(["Bravo"], await NamesAsync(m, $"""displayText: "Dr. Bravo {m}" """));
        Assert.Equal(["Alpha", "Charlie"], await NamesAsync(m, $"""displayText_not: "Dr. Bravo {m}" """));
        Assert.Equal(["Alpha", "Charlie"], await NamesAsync(m, """OR: [{ displayText_starts_with: "Dr. A" }, { displayText_contains: "Charlie" }]"""));
        Assert.Equal(["Bravo", "Charlie"], await NamesAsync(m, """displayText_not_contains: "Alpha" """));
        Assert.Equal(["Charlie"], await NamesAsync(m, """displayText_starts_with: "Dr. Ch" """));
        Assert.Equal(["Alpha", "Bravo"], await NamesAsync(m, """displayText_not_starts_with: "Dr. Ch" """));
        Assert.Equal(["Alpha"], await NamesAsync(m, $"""displayText_ends_with: "Alpha {m}" """));
        Assert.Equal(["Bravo", "Charlie"], await NamesAsync(m, $"""displayText_not_ends_with: "Alpha {m}" """));
        // Orchard's text operators are SQL LIKE: case does not matter.
        Assert.Equal(["Charlie"], await NamesAsync(m, """displayText_contains: "dr. CHARLIE" """));
        Assert.Equal(["Alpha"], await NamesAsync(m, """displayText_starts_with: "DR. a" """));
        Assert.Equal(["Alpha"], await NamesAsync(m, $"""displayText_ends_with: "ALPHA {m}" """));
        Assert.Equal(["Bravo", "Charlie"], await NamesAsync(m, """displayText_not_contains: "alpha" """));
        Assert.Equal(["Alpha", "Charlie"], await NamesAsync(m, $"""contentItemId_in: ["{m}-alpha", "{m}-charlie"] """));
        Assert.Equal(["Bravo"], await NamesAsync(m, $"""contentItemId_not_in: ["{m}-alpha", "{m}-charlie"] """));
        Assert.Equal(["Alpha", "Charlie"], await NamesAsync(m, $$"""OR: [{ contentItemId: "{{m}}-alpha" }, { contentItemId: "{{m}}-charlie" }]"""));
        Assert.Equal(["Bravo"], await NamesAsync(m, $$"""NOT: [{ contentItemId: "{{m}}-alpha" }, { contentItemId: "{{m}}-charlie" }]"""));
        Assert.Equal(["Charlie"], await NamesAsync(m, $$"""AND: [{ displayText_contains: "{{m}}" }, { contentItemId: "{{m}}-charlie" }]"""));
        Assert.Equal(3, (await NamesAsync(m, """createdUtc_gt: "2000-01-01T00:00:00Z", createdUtc_lte: "2999-01-01T00:00:00Z" """)).Count);
        Assert.Empty(await NamesAsync(m, """createdUtc_lt: "2000-01-01T00:00:00Z" """));
    }

    [Fact]
    public async Task Numeric_field_operators_and_order()
    {
        var (m, _) = await DoctorsAsync();
        Assert.Equal(["Bravo"], await NamesAsync(m, "yearsOfExperience: 12"));
        Assert.Equal(["Alpha", "Charlie"], await NamesAsync(m, "yearsOfExperience_not: 12"));
        Assert.Equal(["Charlie"], await NamesAsync(m, "yearsOfExperience_gt: 12"));
        Assert.Equal(["Bravo", "Charlie"], await NamesAsync(m, "yearsOfExperience_gte: 10"));
        Assert.Equal(["Alpha"], await NamesAsync(m, "yearsOfExperience_lt: 12"));
        Assert.Equal(["Alpha", "Bravo"], await NamesAsync(m, "yearsOfExperience_lte: 12"));
        Assert.Equal(["Alpha", "Charlie"], await NamesAsync(m, "yearsOfExperience_in: [5, 20]"));
        Assert.Equal(["Bravo"], await NamesAsync(m, "yearsOfExperience_not_in: [5, 20]"));
        Assert.Equal(["Charlie", "Bravo", "Alpha"], await NamesAsync(m, "", "{ yearsOfExperience: DESC }"));
        Assert.Equal(["Alpha", "Bravo", "Charlie"], await NamesAsync(m, "", "{ yearsOfExperience: ASC }"));
    }

    [Fact]
    public async Task Taxonomy_picker_and_part_filters_and_part_order()
    {
        var (m, _) = await DoctorsAsync();
        Assert.Equal(["Bravo", "Charlie"], await NamesAsync(m, """specialties: { termContentItemIds_contains: "term-specialty-oncology" }"""));
        Assert.Equal(["Alpha"], await NamesAsync(m, """specialties: { termContentItemIds_not_contains: "term-specialty-oncology" }"""));
        Assert.Equal(["Alpha", "Bravo", "Charlie"], await NamesAsync(m, """specialties: { termContentItemIds_in: ["term-specialty-oncology", "term-specialty-surgery"] }"""));
        Assert.Equal(["Alpha", "Bravo"], await NamesAsync(m, """clinic: { contentItemIds_contains: "eu-clinic-isar" }"""));
        Assert.Equal(["Charlie"], await NamesAsync(m, """clinic: { contentItemIds_not_in: ["eu-clinic-isar"] }"""));
        // Relations filtered by what they point to.
        Assert.Equal(["Alpha", "Bravo"], await NamesAsync(m, """clinic: { contentItems: { displayText_contains: "Isar" } }"""));
        Assert.Empty(await NamesAsync(m, """clinic: { contentItems: { displayText: "No such clinic" } }"""));
        Assert.Equal(["Bravo"], await NamesAsync(m, $$"""autoroutePart: { path: "doctors/{{m}}-bravo" }"""));
        Assert.Equal(["Alpha", "Charlie"], await NamesAsync(m, """autoroutePart: { path_not_ends_with: "bravo" }"""));
        Assert.Equal(3, (await NamesAsync(m, """localizationPart: { culture: "en" }""")).Count);
        Assert.Empty(await NamesAsync(m, """localizationPart: { culture_in: ["uk", "ru"] }"""));
        Assert.Equal(["Charlie", "Bravo", "Alpha"], await NamesAsync(m, "", "{ autoroutePart: { path: DESC } }"));
        Assert.Equal(["Alpha", "Bravo", "Charlie"], await NamesAsync(m, "", "{ localizationPart: { culture: ASC }, displayText: ASC }"));
    }

    [Fact]
    public async Task First_and_skip_page_through_a_sorted_list()
    {
        var (m, _) = await DoctorsAsync();
        var data = (await _eu.PostAsync($$"""{ doctor(where: { languages: { values_contains: "{{m}}" } }, orderBy: { yearsOfExperience: DESC }, first: 1, skip: 1) { displayText } }""")).Ok();
        Assert.StartsWith("Dr. Bravo", Assert.Single(data["doctor"]!.AsArray())!["displayText"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLFilterSqliteTests(SqliteSite site) : GraphQLFilterTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLFilterPostgresTests(PostgresSite site) : GraphQLFilterTests(site);
