using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Content;

/// <summary>Filtering and sorting by field values, through the typed field index, on the recipes' doctors and articles.</summary>
public abstract class FieldIndexTests(SiteFixture site)
{
    [Fact]
    public async Task Doctors_sort_by_years_of_experience()
    {
        await using var scope = site.TenantScope("europe");
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueryFactory>();

        var doctors = await queries.Query().OfType("Doctor")
            .OrderByField("Doctor", "YearsOfExperience", f => f.Number, descending: true)
            .ListAsync(take: 100);

        var years = doctors.Select(d => d.Content["Doctor"]!["YearsOfExperience"]!["Value"]!.GetValue<double>()).ToList();
        Assert.Equal(12, years.Count);
        Assert.Equal(years.OrderByDescending(y => y), years);
        Assert.Equal("eu-doctor-albrecht", doctors[0].ContentItemId);
    }

    [Fact]
    public async Task Doctors_filter_by_a_number_range_and_a_picked_term()
    {
        await using var scope = site.TenantScope("europe");
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueryFactory>();

        var seniorOncologists = await queries.Query().OfType("Doctor")
            .WhereField("Doctor", "YearsOfExperience", f => f.Number >= 20)
            .WhereField("Doctor", "Specialties", f => f.Text == "term-specialty-oncology")
            .OrderByField("Doctor", "YearsOfExperience", f => f.Number)
            .ListAsync(take: 100);

        Assert.NotEmpty(seniorOncologists);
        Assert.All(seniorOncologists, d =>
        {
            Assert.True(d.Content["Doctor"]!["YearsOfExperience"]!["Value"]!.GetValue<double>() >= 20);
            Assert.Contains("term-specialty-oncology", d.Content["Doctor"]!["Specialties"]!["TermContentItemIds"]!.AsArray().Select(t => t!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task Articles_sort_by_last_reviewed_date_and_count_by_author()
    {
        await using var scope = site.TenantScope("usa");
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueryFactory>();

        var articles = await queries.Query().OfType("Article")
            .OrderByField("Article", "LastReviewed", f => f.Date)
            .ListAsync(take: 100);
        var byFirstAuthor = await queries.Query().OfType("Article")
            .WhereField("Article", "MedicalAuthor", f => f.Text == "us-person-01")
            .CountAsync();

        var dates = articles.Select(a => DateTime.Parse(a.Content["Article"]!["LastReviewed"]!["Value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(dates.Count >= 6);
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(articles.Count(a => a.Content["Article"]!["MedicalAuthor"]!["ContentItemIds"]![0]!.GetValue<string>() == "us-person-01"), byFirstAuthor);
        Assert.True(byFirstAuthor > 0);
    }

    [Fact]
    public async Task Drafts_are_filtered_apart_from_published_values()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueryFactory>();
        var marker = "marker-" + Guid.NewGuid().ToString("N")[..8];
        var article = Articles.New("Indexed", Articles.UniquePath("indexed"));
        await content.CreateAsync(article);
        var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
        draft.Content["Article"]!["Summary"]!["Text"] = marker;
        await content.UpdateAsync(draft);

        var published = await queries.Query().OfType("Article").WhereField("Article", "Summary", f => f.Text == marker).CountAsync();
        var latest = await queries.Query().OfType("Article").WithStatus(VersionOptions.Latest).WhereField("Article", "Summary", f => f.Text == marker).CountAsync();

        Assert.Equal(0, published);
        Assert.Equal(1, latest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FieldIndexSqliteTests(SqliteSite site) : FieldIndexTests(site);

[Collection(PostgresCollection.Name)]
public sealed class FieldIndexPostgresTests(PostgresSite site) : FieldIndexTests(site);
