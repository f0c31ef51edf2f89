using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace MedTour.Cms.Modules.Search.Analysis;

/// <summary>Ukrainian function words (prepositions, conjunctions, particles, pronouns), apostrophes already folded away.</summary>
public static class UkrainianStopWords
{
    private static readonly string[] Words =
    [
        "а", "або", "але", "б", "би", "бо", "був", "була", "були", "було", "бути", "в", "вам", "вас", "весь", "вже", "ви", "від", "він",
        "вона", "вони", "воно", "все", "всі", "всього", "втім", "г", "де", "для", "до", "є", "ж", "же", "з", "за", "зі", "і", "із",
        "й", "його", "її", "їй", "їм", "їх", "к", "коли", "крім", "ледве", "лише", "між", "мене", "мені", "ми", "мій", "мною", "мої",
        "моя", "на", "навіть", "над", "нам", "нас", "наш", "не", "неї", "нею", "ним", "них", "ні", "ніж", "о", "об", "однак", "от",
        "по", "під", "після", "поки", "при", "про", "саме", "свій", "своє", "се", "собі", "та", "так", "також", "там", "те", "теж",
        "ти", "то", "тобі", "того", "тоді", "той", "тому", "тут", "у", "усі", "хоча", "хто", "це", "цей", "ці", "цим", "цих", "цю",
        "ця", "чи", "чого", "що", "щоб", "щодо", "я", "як", "яка", "який", "які", "якщо",
    ];

    /// <summary>A new set each time: Lucene's <see cref="CharArraySet"/> is mutable, so none is shared.</summary>
    public static CharArraySet Create(LuceneVersion version) => new(version, Words, ignoreCase: true);
}
