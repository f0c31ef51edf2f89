using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// The media library in Chromium: an editor makes a folder, uploads an image with its Ukrainian alt text, sees it
/// (its thumbnail is a variant), opens its page, and an editor window picks it through the picker popup.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaAdminTests(BrowserSite site)
{
    [Fact]
    public async Task An_editor_uploads_an_image_with_alt_text_sees_it_in_the_library_and_picks_it_for_a_field()
    {
        var editor = await site.CreateUserAsync("ukraine", "Editor");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, "/ua", editor);

        var folder = "browser-" + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync("/ua/admin/media");
        await page.FillAsync("#name", folder);
        await page.ClickAsync("form[action$='/admin/media/folders'] button[type=submit]");
        await Assertions.Expect(page.Locator("h2#folders-heading")).ToContainTextAsync(folder);

        await page.SetInputFilesAsync("#files", new FilePayload { Name = "Clinic Photo.png", MimeType = "image/png", Buffer = Png() });
        await page.FillAsync("#alt-uk", "Будівля клініки");
        await page.ClickAsync("form[action$='/admin/media/upload'] button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToBeVisibleAsync();
        var card = page.Locator(".media-card", new() { HasText = "Clinic-Photo.png" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        // The thumbnail is a variant (?width=320), made on the first request and decoded by the browser.
        await Assertions.Expect(card.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 320);
        await CheckAsync(page, "media-library");

        await card.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("#alt-uk")).ToHaveValueAsync("Будівля клініки");
        await CheckAsync(page, "media-file");

        // An editor's window with a media field opens the picker; choosing writes the path into the field and posts a message.
        await page.GotoAsync("/ua/admin");
        await page.EvaluateAsync("""
            () => {
              const input = document.createElement('input');
              input.id = 'Article_HeroImage';
              input.setAttribute('aria-label', 'Hero image');
              document.querySelector('main').append(input);
              window.picked = [];
              window.addEventListener('message', e => window.picked.push(e.data));
            }
            """);
        var picker = await page.RunAndWaitForPopupAsync(() =>
            page.EvaluateAsync($"() => window.open('/ua/admin/media?folder={folder}&picker=1&field=Article_HeroImage', 'picker')"));
        await picker.WaitForLoadStateAsync();
        await CheckAsync(picker, "media-picker");
        var closed = new TaskCompletionSource();
        picker.Close += (_, _) => closed.TrySetResult();
        // Choosing closes the picker, and the click's own bookkeeping may outlive the window ("target closed"):
        // that error counts only when the picker stays open.
        PlaywrightException? clickError = null;
        try
        {
            await picker.ClickAsync("button[data-media-pick][data-path$='Clinic-Photo.png']");
        }
        catch (PlaywrightException error)
        {
            clickError = error;
        }

        if (await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10))) != closed.Task)
        {
            throw (Exception?)clickError ?? new TimeoutException("The picker did not close after a choice.");
        }

        await Assertions.Expect(page.Locator("#Article_HeroImage")).ToHaveValueAsync($"{folder}/Clinic-Photo.png");
        var message = await page.EvaluateAsync<string>("() => JSON.stringify(window.picked)");
        Assert.Contains($"\"path\":\"{folder}/Clinic-Photo.png\"", message, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"Article_HeroImage\"", message, StringComparison.Ordinal);
    }

    private async Task CheckAsync(IPage page, string name)
    {
        var (version, violations) = await Axe.RunAsync(page, site.AxeSource);
        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        Assert.True(blocking.Count == 0, $"axe-core {version} on {page.Url}:\n{Axe.Describe(blocking)}");
        var size = page.ViewportSize;
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
        }

        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    private static byte[] Png()
    {
        using var image = new Image<Rgba32>(1200, 675, new Rgba32(40, 110, 170, 255));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
