using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatBrief.Core.Analysis;

/// <summary>A token as the index sees it, with where it came from in the text.</summary>
/// <param name="Term">The analysed term.</param>
/// <param name="Position">Token position; tokens that stand for the same words (e.g. <c>f35a</c> beside <c>f</c>) share one.</param>
/// <param name="StartOffset">Start of the original word in the text.</param>
/// <param name="EndOffset">End of the original word in the text.</param>
public readonly record struct AnalyzedToken(string Term, int Position, int StartOffset, int EndOffset);

public static class AnalyzerExtensions
{
    /// <summary>Runs <paramref name="text"/> through the analyzer and returns its tokens in order.</summary>
    public static List<AnalyzedToken> Tokenize(this Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), Math.Max(position, 0), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
