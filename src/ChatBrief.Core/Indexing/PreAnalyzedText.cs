using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// A field's tokens as the analyzer made them (terms, position increments, offsets, and what the stream's end said),
/// analysed on a preparing thread and replayed unchanged to the writer through a <see cref="TokenReplay"/>, so that
/// analysis runs on every core while the documents still reach the index one by one, in order.
/// </summary>
internal sealed class PreAnalyzedText
{
    // Per token: where its term ends in Terms, its position increment, its start and end offsets.
    internal const int Stride = 4;

    [ThreadStatic]
    private static char[]? t_terms;

    [ThreadStatic]
    private static int[]? t_tokens;

    private PreAnalyzedText(char[] terms, int[] tokens, int finalIncrement, int finalOffset)
    {
        Terms = terms;
        Tokens = tokens;
        FinalIncrement = finalIncrement;
        FinalOffset = finalOffset;
    }

    internal char[] Terms { get; }

    internal int[] Tokens { get; }

    internal int FinalIncrement { get; }

    internal int FinalOffset { get; }

    public static PreAnalyzedText Analyze(Analyzer analyzer, string field, string text)
    {
        // Gathered in buffers kept by the thread, then copied once to their exact size: a passage's tokens cost two arrays.
        var terms = t_terms ??= new char[4096];
        var tokens = t_tokens ??= new int[1024];
        int termLength = 0, tokenLength = 0;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (termLength + term.Length > terms.Length)
            {
                Array.Resize(ref terms, Math.Max(terms.Length * 2, termLength + term.Length));
                t_terms = terms;
            }

            if (tokenLength + Stride > tokens.Length)
            {
                Array.Resize(ref tokens, tokens.Length * 2);
                t_tokens = tokens;
            }

            term.Buffer.AsSpan(0, term.Length).CopyTo(terms.AsSpan(termLength));
            termLength += term.Length;
            tokens[tokenLength++] = termLength;
            tokens[tokenLength++] = increment.PositionIncrement;
            tokens[tokenLength++] = offset.StartOffset;
            tokens[tokenLength++] = offset.EndOffset;
        }

        stream.End();
        return new PreAnalyzedText(terms.AsSpan(0, termLength).ToArray(), tokens.AsSpan(0, tokenLength).ToArray(), increment.PositionIncrement, offset.EndOffset);
    }
}

/// <summary>
/// Replays a <see cref="PreAnalyzedText"/> to the writer. One replay serves one field of every document a writer thread
/// adds, since creating a token stream's attributes takes a lock that every thread of the build shares.
/// </summary>
internal sealed class TokenReplay : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private PreAnalyzedText? _text;
    private int _next;

    public TokenReplay()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>Makes this stream replay <paramref name="text"/> from its first token.</summary>
    public TokenReplay Of(PreAnalyzedText text)
    {
        _text = text;
        _next = 0;
        return this;
    }

    public override bool IncrementToken()
    {
        var tokens = _text!.Tokens;
        if (_next == tokens.Length)
        {
            return false;
        }

        // Every attribute the stream has is set here, so there is nothing to clear first.
        var start = _next == 0 ? 0 : tokens[_next - PreAnalyzedText.Stride];
        _term.CopyBuffer(_text.Terms, start, tokens[_next] - start);
        _increment.PositionIncrement = tokens[_next + 1];
        _offset.SetOffset(tokens[_next + 2], tokens[_next + 3]);
        _next += PreAnalyzedText.Stride;
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _text!.FinalIncrement;
        _offset.SetOffset(_text.FinalOffset, _text.FinalOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
