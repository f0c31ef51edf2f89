using System.Net;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Security;

/// <summary>
/// Sign-in attempts are limited per address (10 per 5 minutes) and per user name (20): one address cannot keep a
/// user from signing in, many addresses together cannot guess on. Each test uses addresses and users of its own.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SignInRateLimitTests(SqliteSite site)
{
    private const string Password = "Rate-limit-password-42";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task One_address_is_stopped_with_429_and_cannot_lock_the_user_out_for_another()
    {
        var user = await CreateUserAsync("limited-one");
        using var attacker = site.ClientFrom("192.0.2.10");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.SignInAsync("/", user, "wrong-password-" + i)).StatusCode);
        }

        var refused = await attacker.SignInAsync("/", user, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var message = Parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".problem-message")!.TextContent;
        Assert.StartsWith("Too many sign-in attempts", message.Trim(), StringComparison.Ordinal);

        // The user, from their own address, still signs in: ten failures locked nothing.
        using var owner = site.ClientFrom("192.0.2.11");
        var signedIn = await owner.SignInAsync("/", user, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // Signed in: a user without an admin role gets the 403 page, not the sign-in page.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_user_name_is_limited_across_addresses()
    {
        var user = await CreateUserAsync("limited-many");
        for (var i = 0; i < 20; i++)
        {
            using var client = site.ClientFrom($"198.51.100.{i + 1}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync("/", user, "wrong-password")).StatusCode);
        }

        using var fresh = site.ClientFrom("198.51.100.200");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await fresh.SignInAsync("/", user, Password)).StatusCode);
        // Another user name from the same address is not affected.
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.SignInAsync("/", "someone-else", "wrong-password")).StatusCode);
    }

    private async Task<string> CreateUserAsync(string name)
    {
        await using var scope = site.TenantScope("Default");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var result = await users.CreateAsync(new IdentityUser { UserName = name, Email = name + "@medtour.example" }, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return name;
    }
}
