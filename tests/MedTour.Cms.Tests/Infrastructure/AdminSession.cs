using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>
/// A browser-like client signed in to one tenant's admin as a user of given roles: it keeps cookies, reads pages with
/// AngleSharp and posts forms with the antiforgery token of the page they came from, as a browser would.
/// </summary>
public sealed class AdminSession(HttpClient client, string prefix, string userName) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    /// <summary>The tenant's URL prefix ("/ua"; "" for the Default tenant).</summary>
    public string Prefix { get; } = prefix;

    public string UserName { get; } = userName;

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(Prefix + path, UriKind.Relative));

    /// <summary>GETs an admin page, asserting 200, and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {Prefix}{path}: {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="path"/> with the antiforgery token of <paramref name="tokenFrom"/>
    /// (default: the dashboard). Redirects are not followed.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string tokenFrom = "/admin")
    {
        var all = fields.ToList();
        using (var page = await GetAsync(tokenFrom))
        {
            if (page.IsSuccessStatusCode)
            {
                var token = Parser.ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]");
                if (token is not null)
                {
                    all.Add(new("__RequestVerificationToken", token.GetAttribute("value")!));
                }
            }
        }

        return await Client.PostAsync(new Uri(Prefix + path, UriKind.Relative), new FormUrlEncodedContent(all));
    }

    /// <summary>Posts a multipart form (uploads) with the dashboard's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string path, MultipartFormDataContent content, string tokenFrom = "/admin")
    {
        ArgumentNullException.ThrowIfNull(content);
        var page = Parser.ParseDocument(await Client.GetStringAsync(new Uri(Prefix + tokenFrom, UriKind.Relative)));
        content.Add(new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        return await Client.PostAsync(new Uri(Prefix + path, UriKind.Relative), content);
    }

    public void Dispose() => Client.Dispose();
}

public static class AdminSessions
{
    public const string Password = "Test-user-password-42";

    /// <summary>Creates a user with <paramref name="roles"/> in <paramref name="tenant"/> and signs in through its sign-in form.</summary>
    public static async Task<AdminSession> SignInAsNewUserAsync(this SiteFixture site, string tenant, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(site);
        var userName = $"{(roles.Length == 0 ? "nobody" : roles[0].ToLowerInvariant())}-{Guid.NewGuid():N}"[..24];
        await site.CreateUserAsync(tenant, userName, roles);
        return await site.SignInAsync(tenant, userName, Password);
    }

    public static async Task CreateUserAsync(this SiteFixture site, string tenant, string userName, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.TenantScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = userName, Email = userName + "@medtour.example", EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            var added = await users.AddToRoleAsync(user, role);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Signs in an existing user of <paramref name="tenant"/>.</summary>
    public static async Task<AdminSession> SignInAsync(this SiteFixture site, string tenant, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(site);
        var prefix = site.Service<TenantRegistry>().Find(tenant)!.RequestUrlPrefix is { Length: > 0 } p ? "/" + p : string.Empty;
        var client = site.ClientFrom("10.9." + Random.Shared.Next(0, 255) + "." + Random.Shared.Next(1, 255));
        using var response = await client.SignInAsync(prefix, userName, password);
        Assert.True((int)response.StatusCode is 302 or 303, $"sign-in of {userName} on {tenant}: {(int)response.StatusCode}");
        return new AdminSession(client, prefix, userName);
    }
}
