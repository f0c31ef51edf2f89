using System.Net;
using System.Security.Claims;
using MedTour.Cms.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>Articles made for the admin's content tests, and scopes that act as a signed-in user from an address.</summary>
public static class AdminContent
{
    /// <summary>A new article on <paramref name="tenant"/>, draft or published, in a culture, owned by someone.</summary>
    public static async Task<ContentItem> ArticleAsync(this SiteFixture site, string tenant, string title, string culture, string? owner = null, bool published = false)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.TenantScope(tenant);
        var article = Articles.New(title, Articles.UniquePath("admin"), culture, AuthorOf(tenant));
        article.Owner = owner;
        await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article, published ? VersionOptions.Published : VersionOptions.Draft);
        return article;
    }

    public static async Task<ContentItem?> LatestAsync(this SiteFixture site, string tenant, string id, VersionOptions options = VersionOptions.Latest)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, options);
    }

    /// <summary>
    /// Makes the code that follows (in this async flow) run as if in a request of <paramref name="userName"/> from
    /// <paramref name="address"/>; dispose to leave it.
    /// </summary>
    public static IDisposable ActAs(this SiteFixture site, string userName, string address)
    {
        ArgumentNullException.ThrowIfNull(site);
        var accessor = site.Service<IHttpContextAccessor>();
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.NameIdentifier, "id-" + userName)], "Test")),
        };
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        var before = accessor.HttpContext;
        accessor.HttpContext = context;
        return new Restore(() => accessor.HttpContext = before);
    }

    /// <summary>A signed-in admin client of an existing user that connects from <paramref name="address"/>.</summary>
    public static async Task<AdminSession> SignInFromAsync(this SiteFixture site, string tenant, string prefix, string userName, string password, string address)
    {
        ArgumentNullException.ThrowIfNull(site);
        var client = site.ClientFrom(address);
        using var response = await client.SignInAsync(prefix, userName, password);
        Assert.True((int)response.StatusCode is 302 or 303, $"sign-in of {userName} on {tenant}: {(int)response.StatusCode}");
        return new AdminSession(client, prefix, userName);
    }

    /// <summary>A title no other test uses, so a text filter finds exactly one test's items.</summary>
    public static string Tag(string stem) => $"{stem} {Guid.NewGuid().ToString("N")[..10]}";

    private static string AuthorOf(string tenant) => tenant switch
    {
        "ukraine" => "ua-person-01",
        "usa" => "us-person-01",
        _ => "eu-person-01",
    };

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
