// Phase u (see bench/README.md): save + publish of an article through the admin editor, timed per request.
//   dotnet run bench/SavePublish.cs -- BASE_URL USER PASSWORD [COUNT]      (BASE_URL: http://127.0.0.1:PORT/eu)
// Signs in, creates one article, then COUNT times: opens its editor (untimed), changes the title and presses Publish
// (timed: from sending the post to the response's headers, i.e. the server's time on loopback). Prints the median and
// p95 in ms. The package version comes from Directory.Packages.props, like the tests'.
#:package AngleSharp
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

var baseUrl = args[0].TrimEnd('/');
var (user, password) = (args[1], args[2]);
var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50;
var parser = new HtmlParser();
using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

async Task<List<KeyValuePair<string, string>>> FormAsync(string path, string selector)
{
    var page = parser.ParseDocument(await http.GetStringAsync(baseUrl + path));
    var form = (IHtmlFormElement?)page.QuerySelector(selector) ?? throw new InvalidOperationException($"no {selector} on {path}");
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

    return fields;
}

static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value)
{
    fields.RemoveAll(f => f.Key == name);
    fields.Add(new(name, value));
    return fields;
}

var login = await FormAsync("/login", "form:has(input[name=password])");
using (var signedIn = await http.PostAsync(baseUrl + "/login", new FormUrlEncodedContent(With(With(login, "username", user), "password", password))))
{
    if (signedIn.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther))
    {
        throw new InvalidOperationException($"sign-in answered {(int)signedIn.StatusCode}");
    }
}

var tag = Guid.NewGuid().ToString("N")[..8];
var create = await FormAsync("/admin/content/Article/create", "form.content-editor");
With(create, "TitlePart.Title", "Bench article " + tag);
With(create, "Article.Summary", "What the bench saves and publishes.");
With(create, "Article.MedicalAuthor", "eu-person-01");
With(create, "HtmlBodyPart.Html", "<p>Bench body.</p>");
With(create, "submit.action", "save");
string id;
using (var created = await http.PostAsync(baseUrl + "/admin/content/Article/create", new FormUrlEncodedContent(create)))
{
    var location = created.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"create answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
    id = location.Split('/')[^2];
}

var times = new List<double>();
for (var i = 0; i < count + 5; i++)
{
    var edit = With(await FormAsync($"/admin/content/{id}/edit", "form.content-editor"), "TitlePart.Title", $"Bench article {tag} #{i}");
    With(edit, "submit.action", "publish");
    using var content = new FormUrlEncodedContent(edit);
    await content.LoadIntoBufferAsync();
    var clock = Stopwatch.StartNew();
    using var published = await http.PostAsync(baseUrl + $"/admin/content/{id}/edit", content, CancellationToken.None);
    var elapsed = clock.Elapsed.TotalMilliseconds;
    if (published.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"publish #{i} answered {(int)published.StatusCode}");
    }

    if (i >= 5)
    {
        times.Add(elapsed); // the first 5 warm the code paths up
    }
}

times.Sort();
var median = times[(times.Count - 1) / 2];
var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"save+publish {times.Count} times: median {median:F1} ms p95 {p95:F1} ms (item {id})"));
