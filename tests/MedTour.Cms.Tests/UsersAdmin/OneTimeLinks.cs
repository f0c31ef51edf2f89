using AngleSharp.Html.Parser;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary>What an invited user does with the link an administrator gave them: open it, choose a password.</summary>
internal static class OneTimeLinks
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The link or password shown once on the answer page.</summary>
    public static async Task<string> ShownOnceAsync(HttpResponseMessage response, string selector)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {html[..Math.Min(2000, html.Length)]}");
        return Parser.ParseDocument(html).QuerySelector(selector)?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException($"no {selector} in\n{html}");
    }

    /// <summary>Opens <paramref name="link"/> as a new visitor and sets <paramref name="password"/>; returns the answer to the post.</summary>
    public static async Task<HttpResponseMessage> SetPasswordAsync(SiteFixture site, string link, string password, string? confirm = null)
    {
        var client = site.ClientFrom("10.8." + Random.Shared.Next(0, 255) + "." + Random.Shared.Next(1, 255));
        var uri = new Uri(link);
        using var page = await client.GetAsync(new Uri(uri.PathAndQuery, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        if (!page.IsSuccessStatusCode)
        {
            return new HttpResponseMessage(page.StatusCode) { Content = new StringContent(html) };
        }

        var form = Parser.ParseDocument(html).QuerySelector("form[action$='/set-password']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        fields.Add(new("password", password));
        fields.Add(new("confirm", confirm ?? password));
        return await client.PostAsync(new Uri(uri.AbsolutePath, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
