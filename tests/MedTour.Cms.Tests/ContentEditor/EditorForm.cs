using AngleSharp.Html.Dom;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.ContentEditor;

/// <summary>Fills and sends the content editor's form as a browser would: every input as the page shows it, then the test's changes.</summary>
public sealed class EditorForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private EditorForm(string action, List<KeyValuePair<string, string>> fields, IHtmlDocument page)
    {
        Action = action;
        _fields = fields;
        Page = page;
    }

    public string Action { get; }

    public IHtmlDocument Page { get; }

    /// <summary>Opens an editor page (asserting 200) and reads its form.</summary>
    public static async Task<EditorForm> OpenAsync(AdminSession session, string path)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.PageAsync(path);
        return Read(page);
    }

    public static EditorForm Read(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = (IHtmlFormElement)page.QuerySelector("form.content-editor")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
            }
        }

        return new EditorForm(form.GetAttribute("action")!, fields, page);
    }

    /// <summary>Replaces every value of <paramref name="name"/> (none given: removes it, as an unchecked box).</summary>
    public EditorForm Set(string name, params string[] values)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public string? Get(string name) => _fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>Presses the button of <paramref name="action"/> (save, publish, schedule). Redirects are not followed.</summary>
    public Task<HttpResponseMessage> SubmitAsync(AdminSession session, string action = "save")
    {
        ArgumentNullException.ThrowIfNull(session);
        var fields = _fields.Append(new("submit.action", action)).ToList();
        return session.Client.PostAsync(new Uri(Action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>The id of the item a create or save redirected to.</summary>
    public static string EditedId(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result[..Math.Min(3000, response.Content.ReadAsStringAsync().Result.Length)]}");
        var segments = response.Headers.Location!.OriginalString.Split('/');
        return segments[^2];
    }

    /// <summary>The item's latest version, read as the tenant's code would.</summary>
    public static async Task<ContentItem?> LatestAsync(SiteFixture site, string tenant, string id, VersionOptions options = VersionOptions.Latest)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, options);
    }
}
