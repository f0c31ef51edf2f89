using System.Text.RegularExpressions;
using MedTour.Cms.Modules.Localization;

namespace MedTour.Cms.Tests.Site;

/// <summary>
/// Every English string the MedTour theme passes to the <c>t</c> filter has a Ukrainian and a Russian translation
/// in <c>themes/MedTour/Localization/{culture}.po</c>, and no translation drops or invents a <c>{n}</c> placeholder.
/// </summary>
public sealed partial class TranslationCatalogTests
{
    /// <summary>Strings that C# code hands to the layout (page titles, breadcrumb names, region names), which translates them.</summary>
    private static readonly string[] LayoutStrings =
    [
        "Articles", "Clinics", "Doctors", "Treatments", "Search",
        "Page not found", "This request cannot be answered", "Something went wrong",
        "Ukraine", "Europe", "USA",
    ];

    private static readonly string Theme = Path.Combine(RepositoryRoot(), "themes", "MedTour");

    public static TheoryData<string> Cultures => new("uk", "ru");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_string_the_views_translate_has_a_translation(string culture)
    {
        var catalog = Catalog(culture);
        var strings = ViewStrings().Concat(LayoutStrings).Distinct(StringComparer.Ordinal).ToList();

        Assert.True(strings.Count > 50, $"only {strings.Count} strings found in the views");
        var missing = strings.Where(s => !catalog.TryGetValue(s, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_translation_keeps_the_placeholders_of_its_msgid(string culture)
    {
        var catalog = Catalog(culture);

        var wrong = catalog
            .Where(entry => entry.Value.Length > 0 && !Placeholders(entry.Key).SetEquals(Placeholders(entry.Value)))
            .Select(entry => $"{entry.Key} => {entry.Value}")
            .ToList();
        Assert.Empty(wrong);
    }

    private static IReadOnlyDictionary<string, string> Catalog(string culture)
    {
        var path = Path.Combine(Theme, "Localization", culture + ".po");
        Assert.True(File.Exists(path), $"{path} is missing");
        return PoCatalog.Parse(File.ReadLines(path));
    }

    private static IEnumerable<string> ViewStrings() =>
        Directory.EnumerateFiles(Path.Combine(Theme, "Views"), "*.liquid", SearchOption.AllDirectories)
            .SelectMany(file => TranslatedLiteral().Matches(File.ReadAllText(file)))
            .Select(match => match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal))
            .Where(text => text.Length > 0);

    private static HashSet<string> Placeholders(string text) =>
        [.. FormatItem().Matches(text).Select(match => match.Groups[1].Value)];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MedTour.Cms.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains MedTour.Cms.sln.");
    }

    /// <summary>A Liquid string literal followed by the <c>t</c> filter: <c>"Page {0} of {1}" | t</c>.</summary>
    [GeneratedRegex("""
        "((?:[^"\\]|\\.)*)"\s*\|\s*t\b
        """)]
    private static partial Regex TranslatedLiteral();

    /// <summary>A .NET composite format item, <c>{0}</c>, <c>{1,5}</c> or <c>{0:N0}</c>; group 1 is its index.</summary>
    [GeneratedRegex(@"\{(\d+)(?:,[^{}:]*)?(?::[^{}]*)?\}")]
    private static partial Regex FormatItem();
}
