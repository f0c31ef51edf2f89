using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace MedTour.Cms.Modules.Search.Analysis;

/// <summary>Replaces each token (already lower-cased) by its <see cref="UkrainianStemmer"/> stem; keyword-marked tokens stay.</summary>
public sealed class UkrainianStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public UkrainianStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            var stem = UkrainianStemmer.Stem(_term.ToString());
            _term.SetEmpty().Append(stem);
        }

        return true;
    }
}
