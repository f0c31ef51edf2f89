using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.ContentVersions;

/// <summary>Translating an item: a draft in another culture of the site, in the same localization set, prefilled, opened in the editor.</summary>
public abstract class TranslateTests(SiteFixture site)
{
    [Fact]
    public async Task Translating_to_Russian_makes_a_linked_draft_in_ru_and_opens_its_editor()
    {
        var source = await site.ArticleAsync("ukraine", AdminContent.Tag("Стаття"), "uk", published: true);
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var path = $"/admin/content/{source.ContentItemId}/translate";
        var page = await editor.PageAsync(path);
        Assert.Equal(["ru"], page.QuerySelectorAll("select#culture option").Select(o => o.GetAttribute("value")));

        using var created = await editor.PostFormAsync(path, [new("culture", "ru")], tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Matches("^/ua/admin/content/[^/]+/edit$", location);
        var newId = location.Split('/')[^2];

        var copy = (await site.LatestAsync("ukraine", newId))!;
        Assert.False(copy.Published);
        Assert.Equal(source.DisplayText, copy.DisplayText);
        Assert.Equal("ru", copy.FindPart("LocalizationPart")!["Culture"]!.ToString());
        Assert.Equal(source.FindPart("LocalizationPart")!["LocalizationSet"]!.ToString(), copy.FindPart("LocalizationPart")!["LocalizationSet"]!.ToString());
        Assert.Equal(source.FindPart("Article")!.ToJsonString(), copy.FindPart("Article")!.ToJsonString());
        Assert.Null(await site.LatestAsync("ukraine", newId, VersionOptions.Published));

        var members = await editor.PageAsync(path);
        var rows = members.QuerySelectorAll("table.translations tbody tr");
        Assert.Equal(["ru", "uk"], rows.Select(r => r.GetAttribute("data-culture")));
        Assert.Contains("Draft", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Published", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Null(members.QuerySelector("select#culture"));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("uk")]
    [InlineData("")]
    public async Task A_culture_of_no_site_or_one_the_set_has_is_a_400_naming_culture(string culture)
    {
        var source = await site.ArticleAsync("ukraine", AdminContent.Tag("Untranslatable"), "uk");
        using var editor = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Editor);
        var path = $"/admin/content/{source.ContentItemId}/translate";
        using var response = await editor.PostFormAsync(path, [new("culture", culture)], tokenFrom: path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Culture", AdminSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var members = (await editor.PageAsync(path)).QuerySelectorAll("table.translations tbody tr");
        Assert.Single(members);
    }

    [Fact]
    public async Task A_user_without_create_permission_on_the_type_cannot_translate()
    {
        var source = await site.ArticleAsync("ukraine", AdminContent.Tag("Guarded"), "uk", published: true);
        using var coordinator = await site.SignInAsNewUserAsync("ukraine", DefaultRoles.Coordinator);
        using var response = await coordinator.PostFormAsync($"/admin/content/{source.ContentItemId}/translate", [new("culture", "ru")]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTranslateTests(SqliteSite site) : TranslateTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTranslateTests(PostgresSite site) : TranslateTests(site);
