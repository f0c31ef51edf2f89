// Generates the benchmark recipes (see bench/README.md). A .NET 10 file-based app:
//   dotnet run bench/Generate.cs -- blank   OUT.recipe.json
//   dotnet run bench/Generate.cs -- items   OUT.recipe.json [--articles 9900] [--persons 100] [--seed 42] [--cultures en]
//     (--cultures en,uk,ru: article n is in the n-th culture of the list, round robin, written in that language)
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
        "items" => Recipes.Items(json, options.Int("articles", 9900), options.Int("persons", 100), options.Int("seed", 42), options.Text("cultures", "en").Split(',')),
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
    public static int Items(Utf8JsonWriter json, int articles, int persons, int seed, string[] cultures)
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
            var culture = cultures[(a - 1) % cultures.Length];
            var words = Vocabulary.Of(culture);
            var title = Text.Title(random, words);
            var author = PersonId(1 + random.Next(persons));
            var path = culture == "en" ? $"articles/{a:D5}-{Text.Slug(title)}" : $"{culture}/articles/{a:D5}";
            Article(json, $"bench-article-{a:D5}", title, path, author, random, culture, words);
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

    private static void Route(Utf8JsonWriter json, string path, string localizationSet, string culture = "en")
    {
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", path);
        json.WriteBoolean("SetHomepage", false);
        json.WriteEndObject();
        json.WriteStartObject("LocalizationPart");
        json.WriteString("LocalizationSet", localizationSet);
        json.WriteString("Culture", culture);
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

    private static void Article(Utf8JsonWriter json, string id, string title, string path, string author, Random random, string culture = "en", Vocabulary? words = null)
    {
        words ??= Vocabulary.English;
        json.WriteStartObject();
        Metadata(json, id, "Article", title, random);
        Route(json, path, "set-" + id, culture);
        json.WriteStartObject("Article");
        json.WriteStartObject("Summary");
        json.WriteString("Text", Text.Sentences(random, 2, words));
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
        json.WriteString("Html", Text.Body(random, 2048 + random.Next(0, 1536), words));
        json.WriteEndObject();
        json.WriteStartObject("SeoMetaPart");
        json.WriteString("PageTitle", title + " | MedTour");
        json.WriteString("MetaDescription", Text.Sentences(random, 1, words));
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

    public static readonly string[] Conditions = ["liver metastasis", "colorectal cancer", "breast cancer", "prostate cancer", "lung cancer", "pancreatic cancer", "melanoma", "glioblastoma", "coronary artery disease", "knee osteoarthritis", "scoliosis", "thyroid nodules"];
    public static readonly string[] Treatments = ["radioembolization", "stereotactic radiosurgery", "chemoembolization", "laparoscopic resection", "proton therapy", "robotic surgery", "targeted therapy", "immunotherapy", "radiofrequency ablation", "joint replacement", "spinal fusion", "stent implantation"];
    public static readonly string[] Countries = ["Germany", "Italy", "Spain", "Turkey", "Ukraine", "Israel", "South Korea", "India", "Austria", "Poland"];
    public static readonly string[] Openers = ["Many patients ask", "Specialists agree", "Recent studies show", "In European centres", "Before travelling abroad", "For most people", "According to tumour boards", "In our experience"];
    public static readonly string[] Middles = ["that early diagnosis changes the outlook", "how long recovery usually takes", "which tests are needed before treatment", "what the treatment costs in different countries", "how a second opinion can help", "why a multidisciplinary team matters", "what side effects to expect", "how to prepare medical records"];
    public static readonly string[] Closers = ["for patients with {0}", "when {0} has been confirmed", "after {1} in {2}", "compared with {1} at home", "in clinics in {2}", "for {0} treated with {1}"];
    public static readonly string[] Headings = ["How the diagnosis is made", "Treatment options", "What affects the outlook", "Recovery and follow-up", "Costs and insurance", "Choosing a clinic", "Questions to ask your doctor", "Travelling for treatment"];

    public static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    public static string Title(Random random, Vocabulary? words = null)
    {
        words ??= Vocabulary.English;
        return string.Format(CultureInfo.InvariantCulture, words.TitleFormat, Capitalize(Pick(words.Treatments, random)), Pick(words.Conditions, random), Pick(words.Countries, random));
    }

    public static string Sentence(Random random, Vocabulary? words = null)
    {
        words ??= Vocabulary.English;
        var closer = string.Format(CultureInfo.InvariantCulture, Pick(words.Closers, random), Pick(words.Conditions, random), Pick(words.Treatments, random), Pick(words.Countries, random));
        return $"{Pick(words.Openers, random)} {Pick(words.Middles, random)} {closer}.";
    }

    public static string Sentences(Random random, int count, Vocabulary? words = null)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? string.Empty : " ").Append(Sentence(random, words));
        }

        return builder.ToString();
    }

    /// <summary>An article body of about <paramref name="length"/> characters: headings, paragraphs, lists, a shortcode.</summary>
    public static string Body(Random random, int length, Vocabulary? words = null)
    {
        words ??= Vocabulary.English;
        var html = new StringBuilder(length + 512);
        var section = 0;
        while (html.Length < length)
        {
            html.Append("<p>").Append(Sentences(random, 3 + random.Next(3), words)).Append("</p>");
            switch (section++ % 4)
            {
                case 1:
                    html.Append("<h2>").Append(Pick(words.Headings, random)).Append("</h2>");
                    break;
                case 2:
                    html.Append("<ul>");
                    for (var i = 0; i < 3 + random.Next(3); i++)
                    {
                        html.Append("<li><strong>").Append(Pick(words.Treatments, random)).Append("</strong> &ndash; ").Append(Pick(words.Middles, random)).Append(";</li>");
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

/// <summary>The words of one language for generated articles (English, Ukrainian, Russian); other cultures get English.</summary>
internal sealed record Vocabulary(string TitleFormat, string[] Conditions, string[] Treatments, string[] Countries, string[] Openers, string[] Middles, string[] Closers, string[] Headings)
{
    public static readonly Vocabulary English = new("{0} for {1} in {2}", Text.Conditions, Text.Treatments, Text.Countries, Text.Openers, Text.Middles, Text.Closers, Text.Headings);

    public static readonly Vocabulary Ukrainian = new(
        "{0}: {1}, {2}",
        ["метастази печінки", "колоректальний рак", "рак молочної залози", "рак простати", "рак легень", "рак підшлункової залози", "меланома", "гліобластома", "ішемічна хвороба серця", "остеоартроз колінного суглоба", "сколіоз", "вузли щитоподібної залози"],
        ["радіоемболізація", "стереотаксична радіохірургія", "хіміоемболізація", "лапароскопічна резекція", "протонна терапія", "роботизована хірургія", "таргетна терапія", "імунотерапія", "радіочастотна абляція", "ендопротезування суглоба", "спондилодез", "стентування"],
        ["Німеччина", "Італія", "Іспанія", "Туреччина", "Україна", "Ізраїль", "Південна Корея", "Індія", "Австрія", "Польща"],
        ["Багато пацієнтів питають", "Фахівці погоджуються", "Нещодавні дослідження показують", "У європейських центрах", "Перед поїздкою за кордон", "Для більшості людей", "За даними онкологічних консиліумів", "З нашого досвіду"],
        ["що рання діагностика змінює прогноз", "скільки зазвичай триває відновлення", "які обстеження потрібні перед лікуванням", "скільки коштує лікування в різних країнах", "як може допомогти друга думка", "чому важлива мультидисциплінарна команда", "яких побічних ефектів чекати", "як підготувати медичні документи"],
        ["для пацієнтів, у яких {0}", "коли діагноз {0} підтверджено", "після лікування ({1}) у країні {2}", "порівняно з лікуванням вдома ({1})", "у клініках, країна {2}", "якщо {0} лікують так: {1}"],
        ["Як ставлять діагноз", "Варіанти лікування", "Що впливає на прогноз", "Відновлення та спостереження", "Вартість і страхування", "Вибір клініки", "Питання до лікаря", "Подорож на лікування"]);

    public static readonly Vocabulary Russian = new(
        "{0}: {1}, {2}",
        ["метастазы в печени", "колоректальный рак", "рак молочной железы", "рак простаты", "рак легких", "рак поджелудочной железы", "меланома", "глиобластома", "ишемическая болезнь сердца", "остеоартроз коленного сустава", "сколиоз", "узлы щитовидной железы"],
        ["радиоэмболизация", "стереотаксическая радиохирургия", "химиоэмболизация", "лапароскопическая резекция", "протонная терапия", "роботизированная хирургия", "таргетная терапия", "иммунотерапия", "радиочастотная абляция", "эндопротезирование сустава", "спондилодез", "стентирование"],
        ["Германия", "Италия", "Испания", "Турция", "Украина", "Израиль", "Южная Корея", "Индия", "Австрия", "Польша"],
        ["Многие пациенты спрашивают", "Специалисты согласны", "Недавние исследования показывают", "В европейских центрах", "Перед поездкой за границу", "Для большинства людей", "По данным онкологических консилиумов", "По нашему опыту"],
        ["что ранняя диагностика меняет прогноз", "сколько обычно длится восстановление", "какие обследования нужны перед лечением", "сколько стоит лечение в разных странах", "как может помочь второе мнение", "почему важна мультидисциплинарная команда", "каких побочных эффектов ожидать", "как подготовить медицинские документы"],
        ["для пациентов, у которых {0}", "когда диагноз {0} подтвержден", "после лечения ({1}) в стране {2}", "по сравнению с лечением дома ({1})", "в клиниках, страна {2}", "если {0} лечат так: {1}"],
        ["Как ставят диагноз", "Варианты лечения", "Что влияет на прогноз", "Восстановление и наблюдение", "Стоимость и страховка", "Выбор клиники", "Вопросы к врачу", "Поездка на лечение"]);

    public static Vocabulary Of(string culture) => culture switch
    {
        "uk" => Ukrainian,
        "ru" => Russian,
        _ => English,
    };
}
