using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace MedTour.Cms.Modules.Search.Analysis;

/// <summary>
/// Lucene.Net has no Ukrainian analyzer: the standard tokenizer, with every apostrophe spelling (ʼ ' ’ ‘ `) removed
/// first so that "м'ясо", "мʼясо" and "мясо" are one word, then lower-casing, Ukrainian stop words and the light
/// <see cref="UkrainianStemmer"/>. Thread-safe as Lucene analyzers are (components reused per thread).
/// </summary>
public sealed class UkrainianAnalyzer(LuceneVersion version) : Analyzer
{
    private static readonly NormalizeCharMap Apostrophes = BuildApostrophes();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(version, reader);
        TokenStream stream = new InvariantLowerCaseFilter(version, tokenizer);
        stream = new StopFilter(version, stream, UkrainianStopWords.Create(version));
        stream = new UkrainianStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Apostrophes, reader);

    private static NormalizeCharMap BuildApostrophes()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var apostrophe in new[] { "\u02BC", "'", "\u2019", "\u2018", "`" })
        {
            builder.Add(apostrophe, string.Empty);
        }

        return builder.Build();
    }
}
