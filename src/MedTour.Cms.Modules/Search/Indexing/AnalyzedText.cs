using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// The tokens of one text, analyzed once and replayed into each field that indexes that text (the body feeds the full
/// text and its Orchard part field, the title feeds three fields). Analysis — tokenizer, stop words, stemmer — was most
/// of the indexing time, and each body was analyzed three times. Terms, position increments and offsets are kept
/// (what the index writes for text fields). One per text of a document; not thread-safe.
/// </summary>
public sealed class AnalyzedText
{
    private readonly List<Entry> _tokens = [];
    private char[] _chars = [];
    private int _used;

    private AnalyzedText(int length) => Length = length;

    /// <summary>Characters of the text (the final offset).</summary>
    public int Length { get; }

    public static AnalyzedText Analyze(Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        var analyzed = new AnalyzedText(text.Length);
        if (text.Length == 0)
        {
            return analyzed;
        }

        analyzed._chars = new char[text.Length];
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            analyzed.Add(term.Buffer, term.Length, increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
        }

        stream.End();
        return analyzed;
    }

    /// <summary>A new stream over the tokens, for one field of the document.</summary>
    public TokenStream Replay() => new ReplayStream(this);

    private void Add(char[] buffer, int length, int increment, int start, int end)
    {
        if (_used + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + length));
        }

        Array.Copy(buffer, 0, _chars, _used, length);
        _tokens.Add(new Entry(_used, length, increment, start, end));
        _used += length;
    }

    private readonly record struct Entry(int Start, int Length, int Increment, int StartOffset, int EndOffset);

    private sealed class ReplayStream : TokenStream
    {
        private readonly AnalyzedText _text;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public ReplayStream(AnalyzedText text)
        {
            _text = text;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next == _text._tokens.Count)
            {
                return false;
            }

            ClearAttributes();
            var token = _text._tokens[_next++];
            _term.CopyBuffer(_text._chars, token.Start, token.Length);
            _increment.PositionIncrement = token.Increment;
            _offset.SetOffset(token.StartOffset, token.EndOffset);
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_text.Length, _text.Length);
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
