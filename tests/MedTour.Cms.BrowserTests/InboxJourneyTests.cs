using System.Text.RegularExpressions;
using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// A request from the patient to the coordinator: a patient sends the Ukrainian form in Ukrainian with a PDF; the regional
/// lead hands it to Olena (a Coordinator item of the ukraine recipe); Olena, signed in with that item's e-mail, opens it,
/// downloads the file and marks it contacted; a coordinator of europe cannot open it. axe-core on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InboxJourneyTests(BrowserSite site, ITestOutputHelper output)
{
    private const string Olena = "ua-coordinator-olena";

    [Fact]
    public async Task A_patients_request_reaches_the_coordinator_who_downloads_its_file_and_marks_it_contacted_and_europe_cannot_open_it()
    {
        var reference = await SendFormAsync();

        // The regional lead hands the request to Olena (routing may already have chosen someone).
        var lead = await CreateUserAsync("ukraine", "RegionalLead", email: null);
        await using (var leadContext = await site.NewContextAsync())
        {
            var page = await leadContext.NewPageAsync();
            await BrowserSite.SignInAsync(page, "/ua", lead);
            Assert.Equal(200, (await page.GotoAsync("/ua/admin/inbox/" + reference))!.Status);
            if (await page.Locator($"#coordinator option[value='{Olena}']").CountAsync() == 1)
            {
                await page.Locator("#coordinator").SelectOptionAsync(Olena);
                await page.ClickAsync("form[action$='/assign'] button[type=submit]");
                await Expect(page.Locator("dd[data-coordinator]")).ToHaveAttributeAsync("data-coordinator", Olena);
            }
        }

        // Olena signs in with her item's e-mail, finds the request in her inbox, downloads the PDF, marks it contacted.
        var olena = await CreateUserAsync("ukraine", "Coordinator", "olena.coordinator@ua.medtour.example");
        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await BrowserSite.SignInAsync(page, "/ua", olena);
            await page.GotoAsync("/ua/admin/inbox");
            var row = page.Locator($"tr[data-reference='{reference}']");
            await Expect(row).ToBeVisibleAsync();
            await Axe.AssertAccessibleAsync(site, output, page, "inbox");
            await site.ScreenshotsAsync(page, "admin-inbox");

            await row.Locator("a").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/ua/admin/inbox/" + reference + "$"));
            await Expect(page.Locator("dd[data-field='name']")).ToHaveTextAsync("Олена Петренко");
            await Axe.AssertAccessibleAsync(site, output, page, "request");
            await site.ScreenshotsAsync(page, "admin-inbox-request");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("ul.inbox-files a").First.ClickAsync());
            Assert.Equal("виписка.pdf", download.SuggestedFilename);
            var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
            await download.SaveAsAsync(saved);
            Assert.Equal(Pdf(), await File.ReadAllBytesAsync(saved));
            File.Delete(saved);

            await page.Locator("#status").SelectOptionAsync("contacted");
            await page.ClickAsync("form[action$='/status'] button[type=submit]");
            await Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "contacted");
            await Expect(page.Locator("[data-sla]")).ToHaveAttributeAsync("data-sla", "acknowledged");
            await Expect(page.Locator("li[data-kind='download']")).ToHaveCountAsync(1);
        }

        // A coordinator of europe: their own inbox opens, the Ukrainian request does not (neither there nor on /ua).
        var anna = await CreateUserAsync("europe", "Coordinator", "anna.coordinator@eu.medtour.example");
        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            // Europe's first admin request starts that site's services; on a busy machine that alone can outlast the sign-in wait.
            await page.GotoAsync("/eu/admin", new() { Timeout = 60_000 });
            await BrowserSite.SignInAsync(page, "/eu", anna);
            Assert.Equal(200, (await page.GotoAsync("/eu/admin/inbox"))!.Status);
            await Expect(page.Locator($"tr[data-reference='{reference}']")).ToHaveCountAsync(0);
            Assert.Equal(404, (await page.GotoAsync("/eu/admin/inbox/" + reference))!.Status);
            await page.GotoAsync("/ua/admin/inbox/" + reference);
            Assert.EndsWith("/ua/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        }
    }

    private async Task<string> SendFormAsync()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/ua/consultation"))!.Status);
        await Axe.AssertAccessibleAsync(site, output, page, "form");
        await page.GetByLabel("Повне ім’я").FillAsync("Олена Петренко");
        await page.GetByLabel("Країна телефонного номера").SelectOptionAsync("UA");
        await page.GetByLabel("Номер телефону").FillAsync("067 765 43 21");
        await page.GetByLabel("Я підтверджую, що код країни мого телефону правильний").CheckAsync();
        await page.GetByLabel("Електронна пошта").FillAsync("olena.inbox@example.com");
        await page.GetByLabel("Мова спілкування").SelectOptionAsync("uk");
        await page.GetByLabel("Країна проживання").SelectOptionAsync("UA");
        await page.GetByLabel("Діагноз або захворювання").FillAsync("Метастази в печінці");
        await page.GetByLabel("Коротко опишіть діагноз або питання").FillAsync("Після операції знайшли два вогнища в печінці.");
        await page.GetByLabel("Медичні файли").SetInputFilesAsync(new FilePayload { Name = "виписка.pdf", MimeType = "application/pdf", Buffer = Pdf() });
        await page.Locator("#field-consent").CheckAsync();
        await page.WaitForTimeoutAsync(1100);
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати заявку" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ua/forms/sent/"));
        await Axe.AssertAccessibleAsync(site, output, page, "confirmation");
        var reference = (await page.Locator(".reference").InnerTextAsync()).Trim();
        Assert.Matches(Reference(), reference);
        return reference;
    }

    /// <summary>A CLI-made user (as <see cref="BrowserSite.CreateUserAsync"/>) with an e-mail: the inbox knows coordinators by it.</summary>
    private async Task<string> CreateUserAsync(string tenant, string role, string? email)
    {
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        string[] args = ["user", "create", tenant, userName, "--password", BrowserSite.UserPassword, "--roles", role];
        await site.Server.RunCliAsync(email is null ? args : [.. args, "--email", email]);
        return userName;
    }

    private static byte[] Pdf()
    {
        var bytes = new byte[4096];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        bytes[100] = 42;
        return bytes;
    }

    [GeneratedRegex("^UA-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$")]
    private static partial Regex Reference();
}
