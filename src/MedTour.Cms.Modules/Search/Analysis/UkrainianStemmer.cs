namespace MedTour.Cms.Modules.Search.Analysis;

/// <summary>
/// A light suffix stemmer for Ukrainian nouns and adjectives: strips the longest case/number ending that leaves a stem of
/// at least three letters, then folds the consonant alternations that dative and locative endings cause (к/ц, г/з, х/с
/// before -і: клініка → клініці). No dictionary, no verbs: see ADR 0023 for its recall and false merges. Stateless.
/// </summary>
public static class UkrainianStemmer
{
    private const int MinStem = 3;

    // Longest first: "-ами" must win over "-и". Adjective endings, then noun endings.
    private static readonly string[] Endings =
    [
        // -ія nouns (операція) lose the і too, so every case ends on the same stem (операц-, folded to операк-).
        "іями", "іях", "іям", "ією", "ію", "ія", "ії",
        "ього", "ьому", "ого", "ому", "ими", "іми", "ями", "ами", "ові", "еві", "єві",
        "ій", "ий", "ої", "ою", "ею", "єю", "им", "ім", "их", "іх", "ах", "ях", "ам", "ям",
        "ом", "ем", "єм", "ів", "їв", "ей", "ою", "ая", "яя", "ее",
        "а", "я", "у", "ю", "і", "ї", "и", "е", "є", "о", "ь", "й",
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= MinStem)
        {
            return word;
        }

        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= MinStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return Fold(word[..^ending.Length]);
            }
        }

        return Fold(word);
    }

    /// <summary>Alternations at the end of the stem (печінц- → печінк-, нoз- → ног-), and a trailing soft sign.</summary>
    private static string Fold(string stem)
    {
        if (stem.Length > MinStem && stem[^1] == 'ь')
        {
            stem = stem[..^1];
        }

        return stem[^1] switch
        {
            'ц' when stem.Length > MinStem && stem[^2] != 'ц' => stem[..^1] + "к",
            _ => stem,
        };
    }
}
