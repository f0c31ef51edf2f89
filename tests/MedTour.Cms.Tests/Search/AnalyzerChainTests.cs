using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using MedTour.Cms.Modules.Search.Analysis;

namespace MedTour.Cms.Tests.Search;

/// <summary>Our analyzer chains with the table lower-casing give exactly the tokens of Lucene's own.</summary>
public sealed class AnalyzerChainTests
{
    private const string Text = "МЕТАСТАЗЫ в Печени, ЛЕЧЕНИЕ В Германии: Ёлка, ΣΟΦΊΑ, İstanbul, ǅemal, 𐐀𐐁 DEUTSCH Straße; ЇЖАК Ґанок Єва Іван";

    [Fact]
    public void The_russian_chain_gives_the_tokens_of_lucenes_russian_analyzer()
    {
        using var ours = new RussianChainAnalyzer(CultureAnalyzers.Version);
        using var lucenes = new RussianAnalyzer(CultureAnalyzers.Version);

        Assert.Equal(lucenes.Tokens("f", Text), ours.Tokens("f", Text));
    }

    [Fact]
    public void The_table_lower_casing_gives_the_tokens_of_lucenes_lower_case_filter()
    {
        using var ours = new ChainAnalyzer(tokenizer => new InvariantLowerCaseFilter(CultureAnalyzers.Version, tokenizer));
        using var lucenes = new ChainAnalyzer(tokenizer => new LowerCaseFilter(CultureAnalyzers.Version, tokenizer));

        var tokens = ours.Tokens("f", Text);
        Assert.Equal(lucenes.Tokens("f", Text), tokens);
        Assert.Contains("метастазы", tokens);
    }

    private sealed class ChainAnalyzer(Func<Tokenizer, TokenStream> filter) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(CultureAnalyzers.Version, reader);
            return new TokenStreamComponents(tokenizer, filter(tokenizer));
        }
    }
}
