using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace MedTour.Cms.Modules.Search.Analysis;

/// <summary>
/// Lucene's <c>LowerCaseFilter</c> with a table: Lucene.Net lower-cases each token through the runtime's culture
/// casing, which for Cyrillic goes to ICU once per token — about half of the analysis time of a Ukrainian or Russian
/// text, in indexing and in highlighting. The table is made with that same invariant casing, so tokens are
/// identical; a token with a surrogate pair takes Lucene's own path. Thread-safe as token filters are (one per chain).
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    // Every UTF-16 unit's invariant lower case, computed once; read-only afterwards.
    private static readonly char[] Lower = BuildTable();
    private readonly ICharTermAttribute _term;
    private readonly CharacterUtils _fallback;

    public InvariantLowerCaseFilter(LuceneVersion version, TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _fallback = CharacterUtils.GetInstance(version);
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            if (char.IsSurrogate(buffer[i]))
            {
                _fallback.ToLower(buffer, 0, length);
                return true;
            }

            buffer[i] = Lower[buffer[i]];
        }

        return true;
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        Span<char> lower = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            table[c] = char.IsSurrogate((char)c) || one.ToLower(lower, System.Globalization.CultureInfo.InvariantCulture) != 1 ? (char)c : lower[0];
        }

        return table;
    }
}
