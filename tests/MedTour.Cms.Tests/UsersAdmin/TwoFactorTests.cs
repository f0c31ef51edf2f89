using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using OtpNet;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary>Optional two-factor sign-in: set up with the key the page shows, asked for at sign-in, recovery codes, turned off.</summary>
public abstract class TwoFactorTests(SiteFixture site)
{
    [Fact]
    public async Task A_user_turns_on_an_authenticator_and_is_asked_for_its_code_at_sign_in()
    {
        var name = "totp-" + Guid.NewGuid().ToString("N")[..8];
        await site.CreateUserAsync("ukraine", name, DefaultRoles.Editor);
        using var session = await site.SignInAsync("ukraine", name, AdminSessions.Password);
        var key = await TwoFactorSteps.KeyAsync(session);

        using (var wrong = await session.PostFormAsync("/admin/two-factor/enable", [new("code", "12345")], "/admin/two-factor"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.NotNull(AdminSession.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#code-error"));
        }

        var codes = await TwoFactorSteps.EnableAsync(session, key);
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).StatusCode);

        var client = site.ClientFrom("10.4.0." + Random.Shared.Next(1, 255));
        using (var password = await client.SignInAsync("/ua", name, AdminSessions.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
            Assert.Equal("/ua/login/two-factor", password.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/ua/admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TwoFactorSteps.SendCodeAsync(client, "/ua", "000000")).StatusCode);
        using (var right = await TwoFactorSteps.SendCodeAsync(client, "/ua", TwoFactorSteps.Code(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/ua/admin", right.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ua/admin", UriKind.Relative))).StatusCode);

        // A recovery code signs in once.
        foreach (var expected in new[] { HttpStatusCode.Redirect, HttpStatusCode.Unauthorized })
        {
            var other = site.ClientFrom("10.4.1." + Random.Shared.Next(1, 255));
            using var password = await other.SignInAsync("/ua", name, AdminSessions.Password);
            Assert.Equal("/ua/login/two-factor", password.Headers.Location!.OriginalString);
            using var recovered = await TwoFactorSteps.SendCodeAsync(other, "/ua", codes[0]);
            Assert.True(expected == recovered.StatusCode, $"{codes[0]}: {(int)recovered.StatusCode} {recovered.Headers.Location} {await recovered.Content.ReadAsStringAsync()}");
        }

        // New recovery codes replace the old ones (nine were left).
        Assert.Equal("9", (await session.PageAsync("/admin/two-factor")).QuerySelector("[data-recovery-codes-left]")?.TextContent);
        using (var renewed = await session.PostFormAsync("/admin/two-factor/recovery-codes", [], "/admin/two-factor"))
        {
            var fresh = AdminSession.Parse(await renewed.Content.ReadAsStringAsync()).QuerySelectorAll("[data-recovery-codes] code").Select(c => c.TextContent).ToList();
            Assert.Equal(10, fresh.Count);
            Assert.Empty(fresh.Intersect(codes));
        }

        using (var off = await session.PostFormAsync("/admin/two-factor/disable", [], "/admin/two-factor"))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        // Turned off, the old key is gone: a phone that still has it is worth nothing.
        Assert.NotEqual(key, await TwoFactorSteps.KeyAsync(session));

        using var plain = await site.ClientFrom("10.4.2.1").SignInAsync("/ua", name, AdminSessions.Password);
        Assert.Equal("/ua/admin", plain.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_sends_to_the_sign_in_page()
    {
        using var client = site.ClientFrom("10.4.3.1");
        using var response = await client.GetAsync(new Uri("/ua/login/two-factor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ua/login", response.Headers.Location!.OriginalString);
    }
}

/// <summary>What a user does on <c>/admin/two-factor</c> and the code step of the sign-in, shared by the two-factor tests.</summary>
internal static class TwoFactorSteps
{
    public static async Task<string> KeyAsync(AdminSession session)
    {
        var page = await session.PageAsync("/admin/two-factor");
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img")!.GetAttribute("src"), StringComparison.Ordinal);
        return page.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    public static async Task<List<string>> EnableAsync(AdminSession session, string key)
    {
        using var enabled = await session.PostFormAsync("/admin/two-factor/enable", [new("code", Code(key))], "/admin/two-factor");
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.True(enabled.StatusCode == HttpStatusCode.OK, html);
        return AdminSession.Parse(html).QuerySelectorAll("[data-recovery-codes] code").Select(c => c.TextContent).ToList();
    }

    public static async Task<HttpResponseMessage> SendCodeAsync(HttpClient client, string prefix, string code)
    {
        var form = AdminSession.Parse(await client.GetStringAsync(new Uri(prefix + "/login/two-factor", UriKind.Relative)));
        var token = form.QuerySelector("form input[type=hidden]")!;
        return await client.PostAsync(new Uri(prefix + "/login/two-factor", UriKind.Relative), new FormUrlEncodedContent(
            [new(token.GetAttribute("name")!, token.GetAttribute("value")!), new("code", code)]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTwoFactorTests(SqliteSite site) : TwoFactorTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTwoFactorTests(PostgresSite site) : TwoFactorTests(site);
