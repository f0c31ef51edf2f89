// Generates the benchmark recipes (see bench/README.md). A .NET 10 file-based app:
//   dotnet run bench/Generate.cs -- blank   OUT.recipe.json
//   dotnet run bench/Generate.cs -- items   OUT.recipe.json [--articles 9900] [--persons 100] [--seed 42]
//   dotnet run bench/Generate.cs -- tenants OUT.recipe.json [--count 1000] [--recipe bench-blank]
// Output is deterministic for given arguments (seeded pseudo-random text), so runs compare.
using System.Globalization;
using System.Text;
using System.Text.Json;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Generate.cs blank|items|tenants OUT.recipe.json [--articles N] [--persons N] [--count N] [--recipe NAME] [--seed N]");
    return 2;
}

var command = args[0];
var output = Path.GetFullPath(args[1]);
var options = Options.Parse(args.AsSpan(2));
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
var watch = System.Diagnostics.Stopwatch.StartNew();
int items;
using (var stream = File.Create(output))
using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
{
    items = command switch
    {
        "blank" => Recipes.Blank(json),
        "items" => Recipes.Items(json, options.Int("articles", 9900), options.Int("persons", 100), options.Int("seed", 42)),
        "tenants" => Recipes.Tenants(json, options.Int("count", 1000), options.Text("recipe", "bench-blank")),
        _ => throw new ArgumentException($"unknown command '{command}' (blank, items, tenants)."),
    };
}

Console.WriteLine($"{command}: {items} entries, {new FileInfo(output).Length / 1024.0 / 1024.0:F1} MB -> {output} ({watch.ElapsedMilliseconds} ms)");
return 0;

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(values);
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
}

internal static class Recipes
{
    private static readonly DateTime Epoch = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>bench-blank: the content types, one Person and one Article at path <c>hello</c>.</summary>
    public static int Blank(Utf8JsonWriter json)
    {
        Header(json, "bench-blank", "Benchmark tenant: content types, one person, one article at /hello.");
        // Like the regional sites: the public pages need the Contents feature (MedTour adds its lists and home).
        json.WriteStartObject();
        json.WriteString("name", "Feature");
        json.WriteStartArray("enable");
        json.WriteStringValue("Contents");
        json.WriteStringValue("MedTour");
        json.WriteEndArray();
        json.WriteStartArray("disable");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("name", "Content");
        json.WriteStartArray("data");
        var random = new Random(7);
        Person(json, "bench-blank-person", "Alex Morgan", "authors/alex-morgan", random);
        Article(json, "bench-blank-article", "Hello from a benchmark tenant", "hello", "bench-blank-person", random);
        json.WriteEndArray();
        json.WriteEndObject();
        Footer(json);
        return 2;
    }

    /// <summary>A big import: the content types, then persons and articles (2–4 KB of HTML each).</summary>
    public static int Items(Utf8JsonWriter json, int articles, int persons, int seed)
    {
        Header(json, "bench-items", $"Benchmark import: {persons} persons and {articles} articles.");
        json.WriteStartObject();
        json.WriteString("name", "Content");
        json.WriteStartArray("data");
        var random = new Random(seed);
        for (var p = 1; p <= persons; p++)
        {
            var name = $"{Text.Pick(Text.FirstNames, random)} {Text.Pick(Text.LastNames, random)}";
            Person(json, PersonId(p), name, $"authors/person-{p:D4}", random);
        }

        for (var a = 1; a <= articles; a++)
        {
            var title = Text.Title(random);
            var author = PersonId(1 + random.Next(persons));
            Article(json, $"bench-article-{a:D5}", title, $"articles/{a:D5}-{Text.Slug(title)}", author, random);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        Footer(json);
        return articles + persons;
    }

    /// <summary>A Default-tenant recipe whose Tenants step declares t0001…tNNNN, each set up from <paramref name="recipe"/>.</summary>
    public static int Tenants(Utf8JsonWriter json, int count, string recipe)
    {
        json.WriteStartObject();
        json.WriteString("name", "bench-tenants");
        json.WriteString("displayName", $"Benchmark: {count} tenants");
        json.WriteStartArray("steps");
        json.WriteStartObject();
        json.WriteString("name", "Tenants");
        json.WriteStartArray("Tenants");
        for (var i = 1; i <= count; i++)
        {
            var name = $"t{i:D4}";
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("RequestUrlPrefix", name);
            json.WriteStartArray("Cultures");
            json.WriteStringValue("en");
            json.WriteEndArray();
            json.WriteString("RecipeName", recipe);
            json.WriteNull("Region");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        return count;
    }

    private static string PersonId(int n) => $"bench-person-{n:D4}";

    private static void Header(Utf8JsonWriter json, string name, string description)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("displayName", name);
        json.WriteString("description", description);
        json.WriteString("author", "bench");
        json.WriteString("version", "1.0.0");
        json.WriteBoolean("issetuprecipe", false);
        json.WriteStartArray("steps");
        json.WriteStartObject();
        json.WriteString("name", "Recipes");
        json.WriteStartArray("Values");
        json.WriteStartObject();
        json.WriteString("name", "medtour-content-types");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Footer(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, string id, string type, string title, Random random)
    {
        var created = Epoch.AddMinutes(random.Next(0, 60 * 24 * 200));
        var modified = created.AddMinutes(random.Next(0, 60 * 24 * 30));
        json.WriteString("ContentItemId", id);
        json.WriteString("ContentItemVersionId", id + "-v1");
        json.WriteString("ContentType", type);
        json.WriteString("DisplayText", title);
        json.WriteBoolean("Latest", true);
        json.WriteBoolean("Published", true);
        json.WriteString("CreatedUtc", created);
        json.WriteString("ModifiedUtc", modified);
        json.WriteString("PublishedUtc", modified);
        json.WriteString("Owner", "admin");
        json.WriteString("Author", "admin");
        json.WriteStartObject("TitlePart");
        json.WriteString("Title", title);
        json.WriteEndObject();
    }

    private static void Route(Utf8JsonWriter json, string path, string localizationSet)
    {
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", path);
        json.WriteBoolean("SetHomepage", false);
        json.WriteEndObject();
        json.WriteStartObject("LocalizationPart");
        json.WriteString("LocalizationSet", localizationSet);
        json.WriteString("Culture", "en");
        json.WriteEndObject();
    }

    private static void Person(Utf8JsonWriter json, string id, string name, string path, Random random)
    {
        json.WriteStartObject();
        Metadata(json, id, "Person", name, random);
        Route(json, path, "set-" + id);
        json.WriteStartObject("Person");
        json.WriteStartObject("Credentials");
        json.WriteString("Text", Text.Pick(Text.Credentials, random));
        json.WriteEndObject();
        json.WriteStartObject("Roles");
        json.WriteStartArray("Values");
        json.WriteStringValue("MedicalAuthor");
        json.WriteStringValue("MedicalEditor");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("Bio");
        json.WriteString("Html", $"<p>{name} {Text.Sentences(random, 3)}</p>");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Article(Utf8JsonWriter json, string id, string title, string path, string author, Random random)
    {
        json.WriteStartObject();
        Metadata(json, id, "Article", title, random);
        Route(json, path, "set-" + id);
        json.WriteStartObject("Article");
        json.WriteStartObject("Summary");
        json.WriteString("Text", Text.Sentences(random, 2));
        json.WriteEndObject();
        json.WriteStartObject("MedicalAuthor");
        json.WriteStartArray("ContentItemIds");
        json.WriteStringValue(author);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("LastReviewed");
        json.WriteString("Value", Epoch.AddDays(random.Next(0, 300)).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("HtmlBodyPart");
        json.WriteString("Html", Text.Body(random, 2048 + random.Next(0, 1536)));
        json.WriteEndObject();
        json.WriteStartObject("SeoMetaPart");
        json.WriteString("PageTitle", title + " | MedTour");
        json.WriteString("MetaDescription", Text.Sentences(random, 1));
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

/// <summary>Plausible medical-article text from a fixed vocabulary.</summary>
internal static class Text
{
    public static readonly string[] FirstNames = ["Anna", "Marco", "Lena", "Oleh", "Sofia", "David", "Iryna", "Lukas", "Elif", "Tomas", "Maria", "Jonas", "Chiara", "Pavlo", "Sara", "Mehmet"];
    public static readonly string[] LastNames = ["Keller", "Rossi", "Kovalenko", "Yilmaz", "Novak", "Schmidt", "Moreau", "Garcia", "Bondarenko", "Weber", "Conti", "Fischer", "Shevchenko", "Lopez"];
    public static readonly string[] Credentials = ["MD, PhD, medical oncologist", "MD, interventional radiologist", "MD, hepatobiliary surgeon", "MD, radiation oncologist", "MD, cardiologist", "MD, neurosurgeon"];

    private static readonly string[] Conditions = ["liver metastasis", "colorectal cancer", "breast cancer", "prostate cancer", "lung cancer", "pancreatic cancer", "melanoma", "glioblastoma", "coronary artery disease", "knee osteoarthritis", "scoliosis", "thyroid nodules"];
    private static readonly string[] Treatments = ["radioembolization", "stereotactic radiosurgery", "chemoembolization", "laparoscopic resection", "proton therapy", "robotic surgery", "targeted therapy", "immunotherapy", "radiofrequency ablation", "joint replacement", "spinal fusion", "stent implantation"];
    private static readonly string[] Countries = ["Germany", "Italy", "Spain", "Turkey", "Ukraine", "Israel", "South Korea", "India", "Austria", "Poland"];
    private static readonly string[] Openers = ["Many patients ask", "Specialists agree", "Recent studies show", "In European centres", "Before travelling abroad", "For most people", "According to tumour boards", "In our experience"];
    private static readonly string[] Middles = ["that early diagnosis changes the outlook", "how long recovery usually takes", "which tests are needed before treatment", "what the treatment costs in different countries", "how a second opinion can help", "why a multidisciplinary team matters", "what side effects to expect", "how to prepare medical records"];
    private static readonly string[] Closers = ["for patients with {0}", "when {0} has been confirmed", "after {1} in {2}", "compared with {1} at home", "in clinics in {2}", "for {0} treated with {1}"];
    private static readonly string[] Headings = ["How the diagnosis is made", "Treatment options", "What affects the outlook", "Recovery and follow-up", "Costs and insurance", "Choosing a clinic", "Questions to ask your doctor", "Travelling for treatment"];

    public static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    public static string Title(Random random) =>
        $"{Capitalize(Pick(Treatments, random))} for {Pick(Conditions, random)} in {Pick(Countries, random)}";

    public static string Sentence(Random random)
    {
        var closer = string.Format(CultureInfo.InvariantCulture, Pick(Closers, random), Pick(Conditions, random), Pick(Treatments, random), Pick(Countries, random));
        return $"{Pick(Openers, random)} {Pick(Middles, random)} {closer}.";
    }

    public static string Sentences(Random random, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? string.Empty : " ").Append(Sentence(random));
        }

        return builder.ToString();
    }

    /// <summary>An article body of about <paramref name="length"/> characters: headings, paragraphs, lists, a shortcode.</summary>
    public static string Body(Random random, int length)
    {
        var html = new StringBuilder(length + 512);
        var section = 0;
        while (html.Length < length)
        {
            html.Append("<p>").Append(Sentences(random, 3 + random.Next(3))).Append("</p>");
            switch (section++ % 4)
            {
                case 1:
                    html.Append("<h2>").Append(Pick(Headings, random)).Append("</h2>");
                    break;
                case 2:
                    html.Append("<ul>");
                    for (var i = 0; i < 3 + random.Next(3); i++)
                    {
                        html.Append("<li><strong>").Append(Pick(Treatments, random)).Append("</strong> &ndash; ").Append(Pick(Middles, random)).Append(";</li>");
                    }

                    html.Append("</ul>");
                    break;
                case 3:
                    html.Append("[consultation_cta]");
                    break;
            }
        }

        return html.ToString();
    }

    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return builder.ToString().Replace("--", "-", StringComparison.Ordinal).Trim('-');
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
