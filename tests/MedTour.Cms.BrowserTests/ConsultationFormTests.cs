using System.Text.RegularExpressions;
using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MedTour.Cms.BrowserTests;

/// <summary>A patient fills the Ukrainian consultation form in Ukrainian, with a PDF, and sees the confirmation with its reference.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConsultationFormTests(BrowserSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task A_patient_fills_the_Ukrainian_form_in_Ukrainian_with_a_PDF_and_sees_the_confirmation_with_its_reference()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/ua/consultation");
        Assert.Equal(200, response!.Status);
        Assert.Equal("uk", await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertAccessibleAsync(site, output, page, "form");
        await site.ScreenshotsAsync(page, "consultation-form");

        await page.GetByLabel("Повне ім’я").FillAsync("Олена Петренко");
        await page.GetByLabel("Країна телефонного номера").SelectOptionAsync("UA");
        await page.GetByLabel("Номер телефону").FillAsync("067 123 45 67");
        await page.GetByLabel("Я підтверджую, що код країни мого телефону правильний").CheckAsync();
        await page.GetByLabel("Електронна пошта").FillAsync("olena.browser@example.com");
        await page.GetByLabel("Мова спілкування").SelectOptionAsync("uk");
        await page.GetByLabel("Країна проживання").SelectOptionAsync("UA");
        await page.GetByLabel("Бажана країна лікування").SelectOptionAsync("DE");
        await page.GetByLabel("Діагноз або захворювання").FillAsync("Метастази в печінці");
        await page.GetByLabel("Коротко опишіть діагноз або питання").FillAsync("Після операції знайшли два вогнища в печінці.");
        await page.GetByLabel("Медичні файли").SetInputFilesAsync(new FilePayload { Name = "виписка.pdf", MimeType = "application/pdf", Buffer = Pdf() });
        await page.Locator("#field-consent").CheckAsync();
        // A person takes longer than the form's minimum time to submit; this test is quicker.
        await page.WaitForTimeoutAsync(1100);
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати заявку" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/ua/forms/sent/"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Заявку надіслано");
        Assert.Matches(Reference(), (await page.Locator(".reference").InnerTextAsync()).Trim());
        await Axe.AssertAccessibleAsync(site, output, page, "confirmation");
        await site.ScreenshotsAsync(page, "consultation-sent");
    }

    [Fact]
    public async Task Sent_empty_the_form_comes_back_with_an_error_summary_that_has_the_focus_and_links_to_each_field()
    {
        await using var context = await site.NewContextAsync(375, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ua/consultation");
        await page.WaitForTimeoutAsync(1100);
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати заявку" }).ClickAsync();

        var summary = page.Locator("#form-errors");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Повне ім’я: це поле обов’язкове.");
        await Expect(page.Locator("#field-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#field-name-error")).ToHaveTextAsync("Повне ім’я: це поле обов’язкове.");
        await summary.Locator("a[href='#field-name']").ClickAsync();
        await Expect(page.Locator("#field-name")).ToBeFocusedAsync();
        await Axe.AssertAccessibleAsync(site, output, page, "form with errors");
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, "consultation-errors-375.png"), FullPage = true });
    }

    private static byte[] Pdf()
    {
        var bytes = new byte[4096];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    [GeneratedRegex("^UA-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$")]
    private static partial Regex Reference();
}
