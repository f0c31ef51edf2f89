using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>A consultation form as a visitor's browser holds it: fetched with its tokens, then posted (multipart) with values and files.</summary>
public sealed class ConsultationForm
{
    private static readonly HtmlParser Parser = new();
    private readonly Stopwatch _opened = Stopwatch.StartNew();

    private ConsultationForm(string url, IHtmlDocument page)
    {
        Url = url;
        Page = page;
        Hidden = page.QuerySelectorAll("form.form-fields input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        Action = page.QuerySelector("form.form-fields")!.GetAttribute("action")!;
    }

    public string Url { get; }
    public IHtmlDocument Page { get; }
    public string Action { get; }
    public Dictionary<string, string> Hidden { get; }

    public static async Task<ConsultationForm> OpenAsync(HttpClient client, string url = "/ua/consultation")
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return new ConsultationForm(url, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Valid Ukrainian answers with a phone and e-mail of their own (the per-contact limit counts them).</summary>
    public static Dictionary<string, string> ValidUkrainian() => new()
    {
        ["name"] = "Олена Петренко",
        ["phone_country"] = "UA",
        ["phone"] = "067" + RandomNumberGenerator.GetInt32(1_000_000, 9_999_999),
        ["phone_country_confirmed"] = "on",
        ["email"] = $"olena.{Guid.NewGuid():N}@example.com",
        ["language"] = "uk",
        ["country"] = "UA",
        ["destination"] = "DE",
        ["condition"] = "Метастази в печінці",
        ["message"] = "Після операції знайшли два вогнища 2 см у печінці.",
        ["consent"] = "on",
    };

    public static byte[] Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        RandomNumberGenerator.Fill(bytes.AsSpan(9));
        return bytes;
    }

    /// <summary>Posts the form as the browser would, after the minimum time to submit (unless told not to wait).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IReadOnlyDictionary<string, string> values,
        IEnumerable<(string Name, byte[] Bytes)>? files = null, bool wait = true, IReadOnlyDictionary<string, string>? hidden = null)
    {
        var remaining = ConsultationSettings.MinimumTimeToSubmit + TimeSpan.FromMilliseconds(100) - _opened.Elapsed;
        if (wait && remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in hidden ?? Hidden)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "files", name);
        }

        return await client.PostAsync(new Uri(Action, UriKind.Relative), content);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}
