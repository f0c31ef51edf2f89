using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// Users in Chromium: an administrator invites an Author, the Author opens the one-time link, sets a password, signs
/// in and turns on two-factor sign-in with a code computed from the key the page shows. axe and screenshots (375 and
/// 1280 px) on every page on the way, the roles pages included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersAdminTests(BrowserSite site)
{
    private const string ChosenPassword = "Invited-author-password-2024!";

    [Fact]
    public async Task An_invited_author_sets_a_password_signs_in_and_turns_on_two_factor()
    {
        var administrator = await site.CreateUserAsync("ukraine", "Administrator");
        var invited = "invited-" + Guid.NewGuid().ToString("N")[..8];
        await using var adminContext = await site.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await BrowserSite.SignInAsync(admin, "/ua", administrator);

        await OpenAndCheckAsync(admin, "/ua/admin/users", "admin-users-list");
        await OpenAndCheckAsync(admin, "/ua/admin/roles", "admin-roles-list");
        await OpenAndCheckAsync(admin, "/ua/admin/roles/Author", "admin-role-edit");
        await OpenAndCheckAsync(admin, "/ua/admin/users/invite", "admin-users-invite");
        await admin.FillAsync("#userName", invited);
        await admin.FillAsync("#email", invited + "@example.com");
        await admin.CheckAsync("#role-Author");
        await admin.ClickAsync("form.panel button[type=submit]");
        await Assertions.Expect(admin.Locator("#one-time-link")).ToBeVisibleAsync();
        await CheckAsync(admin, "admin-users-invited-link");
        var link = new Uri(await admin.InputValueAsync("#one-time-link"));

        await using var userContext = await site.NewContextAsync();
        var user = await userContext.NewPageAsync();
        await user.GotoAsync(link.PathAndQuery);
        await CheckAsync(user, "set-password");
        await user.FillAsync("#set-password", ChosenPassword);
        await user.FillAsync("#set-password-confirm", ChosenPassword);
        await user.ClickAsync("form[action$='/set-password'] button[type=submit]");
        await user.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/ua/login");
        await BrowserSite.SignInAsync(user, "/ua", invited, ChosenPassword);
        Assert.Equal(403, (await user.GotoAsync("/ua/admin/users"))!.Status);

        await OpenAndCheckAsync(user, "/ua/admin/two-factor", "admin-two-factor-setup");
        await Assertions.Expect(user.Locator("img[alt]")).ToBeVisibleAsync();
        var key = (await user.InnerTextAsync("[data-authenticator-key]")).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await user.FillAsync("#code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await user.ClickAsync("form:has(#code) button[type=submit]");
        await Assertions.Expect(user.Locator("[data-recovery-codes] li")).ToHaveCountAsync(10);
        await CheckAsync(user, "admin-two-factor-recovery-codes");

        // The administrator sees the new user as an active Author with two-factor sign-in.
        await admin.GotoAsync("/ua/admin/users?q=" + invited);
        var row = admin.Locator("tbody tr");
        await Assertions.Expect(row).ToContainTextAsync("Author");
        await Assertions.Expect(row).ToContainTextAsync("Two-factor");
        await row.Locator("a").ClickAsync();
        await CheckAsync(admin, "admin-user-edit");
    }

    private async Task OpenAndCheckAsync(IPage page, string path, string name)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Status == 200, $"{path}: {response.Status}");
        await CheckAsync(page, name);
    }

    /// <summary>No serious or critical axe violation, and a full-page screenshot at 375 and 1280 px.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        var (version, violations) = await Axe.RunAsync(page, site.AxeSource);
        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        Assert.True(blocking.Count == 0, $"axe-core {version} on {page.Url}:\n{Axe.Describe(blocking)}");
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
        }
    }
}
