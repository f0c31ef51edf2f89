using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>Clients whose requests come from a given address (the test server leaves it empty otherwise), and the sign-in form.</summary>
public static class RemoteClients
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A client that connects from <paramref name="remoteAddress"/>; it keeps cookies unless told not to.</summary>
    public static HttpClient ClientFrom(this SiteFixture site, string remoteAddress, bool cookies = true)
    {
        var address = IPAddress.Parse(remoteAddress);
        var handler = site.Factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address);
        return new HttpClient(cookies ? new CookieContainerHandler { InnerHandler = handler } : handler) { BaseAddress = new Uri("http://localhost/") };
    }

    /// <summary>Fetches a site's sign-in form and posts it (with its antiforgery token) as a visitor would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string site, string userName, string password)
    {
        var form = Parser.ParseDocument(await client.GetStringAsync(new Uri(site.TrimEnd('/') + "/login", UriKind.Relative)));
        var token = form.QuerySelector("form input[type=hidden]")!;
        return await client.PostAsync(new Uri(site.TrimEnd('/') + "/login", UriKind.Relative), new FormUrlEncodedContent(
        [
            new(token.GetAttribute("name")!, token.GetAttribute("value")!),
            new("username", userName),
            new("password", password),
        ]));
    }

    /// <summary>The value of a cookie a response sets, or null.</summary>
    public static string? SetCookie(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
}
