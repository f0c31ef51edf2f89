using System.Net;
using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Site;

/// <summary>The first administrator signs in on the Default site with the configured password; the cookie is worth nothing on a regional site.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SignInTests(SqliteSite site)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_administrator_signs_in_reaches_admin_and_signs_out()
    {
        using var client = site.Client();

        var signedIn = await client.SignInAsync("/", "admin", CmsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location?.OriginalString);

        var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        var page = Parser.ParseDocument(await admin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("admin", page.QuerySelector("main .lead")!.TextContent, StringComparison.Ordinal);

        // The Default site's cookie is sent to /ua too (its path is /), but the regional site refuses it.
        var regional = await client.GetAsync(new Uri("/ua/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, regional.StatusCode);
        Assert.StartsWith("/ua/login", regional.Headers.Location?.AbsolutePath ?? regional.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var token = Parser.ParseDocument(await admin.Content.ReadAsStringAsync()).QuerySelector("form[action$='/logout'] input[type=hidden]")!;
        var signedOut = await client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent([new(token.GetAttribute("name")!, token.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("admin", "not-the-password", HttpStatusCode.Unauthorized, "The user name or password is incorrect.")]
    [InlineData("nobody", "whatever-it-is", HttpStatusCode.Unauthorized, "The user name or password is incorrect.")]
    [InlineData("", "whatever-it-is", HttpStatusCode.BadRequest, "username: enter your user name.")]
    [InlineData("admin", "", HttpStatusCode.BadRequest, "password: enter your password.")]
    public async Task A_wrong_sign_in_is_refused_with_a_message_and_no_cookie(string userName, string password, HttpStatusCode status, string message)
    {
        using var client = site.Client();

        var response = await client.SignInAsync("/", userName, password);

        Assert.Equal(status, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.QuerySelector(".problem-message")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_the_form_token_is_refused()
    {
        using var client = site.Client();

        var response = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("username", "admin"), new("password", CmsAppFactory.AdminPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }
}
