using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

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

    /// <summary>
    /// A field that indexes these tokens. Fields made by one <paramref name="stream"/> share it (the writer inverts a
    /// document's fields one after the other): a token stream per field cost more than the replay itself.
    /// </summary>
    public Field Field(string name, TokenReplay stream) => new ReplayedField(name, this, stream);

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

    private sealed class ReplayedField(string name, AnalyzedText text, TokenReplay stream) : Field(name, TextField.TYPE_NOT_STORED)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer) => stream.Over(text);
    }

    /// <summary>Replays one <see cref="AnalyzedText"/> at a time; one per document being indexed. Not thread-safe.</summary>
    public sealed class TokenReplay : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private AnalyzedText? _text;
        private int _next;

        public TokenReplay()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        internal TokenReplay Over(AnalyzedText text)
        {
            _text = text;
            _next = 0;
            return this;
        }

        public override bool IncrementToken()
        {
            var tokens = _text!._tokens;
            if (_next == tokens.Count)
            {
                return false;
            }

            // Every attribute the stream has is set here, so clearing them first is not needed.
            var token = tokens[_next++];
            _term.CopyBuffer(_text._chars, token.Start, token.Length);
            _increment.PositionIncrement = token.Increment;
            _offset.SetOffset(token.StartOffset, token.EndOffset);
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_text!.Length, _text.Length);
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
