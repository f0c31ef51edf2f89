using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace MedTour.Cms.Modules.Search.Analysis;

/// <summary>The analyzer of a culture's index, by its language: English, Russian, German from Lucene.Net, our Ukrainian, else the standard one.</summary>
public static class CultureAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer For(string culture) => Language(culture) switch
    {
        "en" => new EnglishAnalyzer(Version),
        "ru" => new RussianChainAnalyzer(Version),
        "de" => new GermanAnalyzer(Version),
        "uk" => new UkrainianAnalyzer(Version),
        _ => new StandardAnalyzer(Version),
    };

    /// <summary>The analyzer's name, as the admin page shows it.</summary>
    public static string NameOf(string culture) => Language(culture) switch
    {
        "en" => "english",
        "ru" => "russian",
        "de" => "german",
        "uk" => "ukrainian",
        _ => "standard",
    };

    private static string Language(string culture) => (culture.Split('-')[0]).ToLowerInvariant();
}
