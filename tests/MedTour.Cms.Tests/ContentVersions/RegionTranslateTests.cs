using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.ContentEditor;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.ContentVersions;

/// <summary>
/// Translating into another region's site: the counterpart is created there, by the user's account on that site (same
/// user name and e-mail) and with that site's permissions, prefilled from the source, in the same localization set;
/// each site's translate page lists the set's members on the other regions with their status.
/// </summary>
public abstract class RegionTranslateTests(SiteFixture site)
{
    [Fact]
    public async Task An_editor_with_accounts_on_both_regions_makes_the_europe_counterpart_prefilled_and_both_sites_list_it()
    {
        var source = await SourceAsync();
        var set = source.FindPart("LocalizationPart")!["LocalizationSet"]!.ToString();
        var user = "tr" + Guid.NewGuid().ToString("N")[..8];
        await site.CreateUserAsync("ukraine", user, DefaultRoles.Editor);
        await site.CreateUserAsync("europe", user, DefaultRoles.Editor);
        await CreateUserWithEmailAsync("usa", user, "someone-else@medtour.example", DefaultRoles.Editor);
        using var ua = await site.SignInAsync("ukraine", user, AdminSessions.Password);
        using var eu = await site.SignInAsync("europe", user, AdminSessions.Password);

        var translate = $"/admin/content/{source.ContentItemId}/translate";
        var page = await ua.PageAsync(translate);
        var europe = page.QuerySelector("[data-region=europe]")!;
        Assert.Contains("No translation on this site yet", europe.TextContent, StringComparison.Ordinal);
        var link = europe.QuerySelector("a[data-translate-to='europe/en']")!.GetAttribute("href")!;
        Assert.EndsWith($"/eu/admin/content/Article/create?from=ukraine%2F{source.ContentItemId}&culture=en", link, StringComparison.Ordinal);
        // The same name on usa belongs to someone with another e-mail: not this user's account.
        Assert.Null(page.QuerySelector("[data-region=usa] a[data-translate-to]"));
        Assert.Contains("no account on this site", page.QuerySelector("[data-region=usa]")!.TextContent, StringComparison.Ordinal);

        var form = await EditorForm.OpenAsync(eu, $"/admin/content/Article/create?from=ukraine/{source.ContentItemId}&culture=en");
        Assert.Equal(source.DisplayText, form.Get("TitlePart.Title"));
        Assert.Equal("en", form.Get("LocalizationPart.Culture"));
        Assert.Equal($"ukraine/{source.ContentItemId}", form.Get("from"));
        Assert.Equal("term-condition-liver-metastasis", form.Get("Article.Conditions"));
        Assert.Equal(string.Empty, form.Get("Article.MedicalAuthor") ?? string.Empty);
        var notice = form.Page.QuerySelector("#translation-notice")!.TextContent;
        Assert.Contains("Medical author", notice, StringComparison.OrdinalIgnoreCase);

        form.Set("TitlePart.Title", "Liver metastases " + user).Set("Article.MedicalAuthor", "eu-person-01");
        using var saved = await form.SubmitAsync(eu, "save");
        var id = EditorForm.EditedId(saved);
        Assert.StartsWith("/eu/admin/content/", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var counterpart = (await site.LatestAsync("europe", id))!;
        Assert.Equal(set, counterpart.FindPart("LocalizationPart")!["LocalizationSet"]!.ToString());
        Assert.Equal("en", counterpart.FindPart("LocalizationPart")!["Culture"]!.ToString());
        Assert.Equal(user, counterpart.Owner);
        Assert.False(counterpart.Published);
        Assert.Equal("Summary of " + source.DisplayText, counterpart.Content["Article"]!["Summary"]!["Text"]!.ToString());
        Assert.Null(await site.LatestAsync("ukraine", id));

        var listed = (await ua.PageAsync(translate)).QuerySelector($"[data-region=europe] li[data-id='{id}']")!;
        Assert.Equal("en", listed.GetAttribute("data-culture"));
        Assert.Contains("Draft", listed.TextContent, StringComparison.Ordinal);
        Assert.Null((await ua.PageAsync(translate)).QuerySelector("[data-region=europe] a[data-translate-to='europe/en']"));
        Assert.NotNull((await eu.PageAsync($"/admin/content/{id}/translate")).QuerySelector($"[data-region=ukraine] li[data-id='{source.ContentItemId}']"));

        // A second counterpart in the same culture is refused, naming the language, and nothing is made.
        var again = await EditorForm.OpenAsync(eu, $"/admin/content/Article/create?from=ukraine/{source.ContentItemId}&culture=en");
        again.Set("Article.MedicalAuthor", "eu-person-01");
        using var refused = await again.SubmitAsync(eu, "save");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(AdminSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#LocalizationPart\\.Culture-error"));
    }

    [Fact]
    public async Task The_source_is_read_only_by_a_matching_account_that_may_preview_it_there()
    {
        var source = await SourceAsync();
        var from = $"/admin/content/Article/create?from=ukraine/{source.ContentItemId}&culture=en";

        // An Author on ukraine previews only their own drafts: the Editor account on europe gets 403 for this one.
        var author = "tr" + Guid.NewGuid().ToString("N")[..8];
        await site.CreateUserAsync("ukraine", author, DefaultRoles.Author);
        await site.CreateUserAsync("europe", author, DefaultRoles.Editor);
        using (var eu = await site.SignInAsync("europe", author, AdminSessions.Password))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await eu.GetAsync(from)).StatusCode);
            using var post = await eu.PostFormAsync("/admin/content/Article/create",
                [new("from", $"ukraine/{source.ContentItemId}"), new("TitlePart.Title", "Sneaky"), new("Article.MedicalAuthor", "eu-person-01"), new("submit.action", "save")],
                "/admin/content/Article/create");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        // No account on ukraine at all.
        using (var stranger = await site.SignInAsNewUserAsync("europe", DefaultRoles.Editor))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(from)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/admin/content/Article/create?from=ukraine/no-such-item")).StatusCode);
        }

        // The europe account's own permissions decide the creation: a Coordinator there may not create articles.
        var coordinator = "tr" + Guid.NewGuid().ToString("N")[..8];
        await site.CreateUserAsync("ukraine", coordinator, DefaultRoles.Editor);
        await site.CreateUserAsync("europe", coordinator, DefaultRoles.Coordinator);
        using var ua = await site.SignInAsync("ukraine", coordinator, AdminSessions.Password);
        var region = (await ua.PageAsync($"/admin/content/{source.ContentItemId}/translate")).QuerySelector("[data-region=europe]")!;
        Assert.Null(region.QuerySelector("a[data-translate-to]"));
        Assert.Contains("may not create", region.TextContent, StringComparison.Ordinal);
    }

    private async Task<ContentItem> SourceAsync()
    {
        var article = Articles.New(AdminContent.Tag("Метастази в печінці"), Articles.UniquePath("region"), "uk", "ua-person-01");
        article.Content["Article"]!["Conditions"] = new JsonObject
        {
            ["TaxonomyContentItemId"] = "taxonomy-conditions",
            ["TermContentItemIds"] = new JsonArray("term-condition-liver-metastasis"),
        };
        await using var scope = site.TenantScope("ukraine");
        await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article, VersionOptions.Draft);
        return article;
    }

    private async Task CreateUserWithEmailAsync(string tenant, string userName, string email, string role)
    {
        await using var scope = site.TenantScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = userName, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, AdminSessions.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRegionTranslateTests(SqliteSite site) : RegionTranslateTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegionTranslateTests(PostgresSite site) : RegionTranslateTests(site);
