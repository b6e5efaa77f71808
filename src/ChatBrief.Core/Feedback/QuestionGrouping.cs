using ChatBrief.Core.Semantic;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ChatBrief.Core.Feedback;

/// <summary>
/// Groups questions that ask the same thing: by meaning with the embedding model when the semantic layer is on, else by
/// the words they share (stemmed, stop words left out). Each question joins the first group whose first question is
/// close enough, so the order of the questions decides the groups' leaders.
/// </summary>
internal static class QuestionGrouping
{
    /// <summary>Cosine similarity from which two questions are taken to ask the same thing.</summary>
    public const float SameMeaning = 0.8f;

    /// <summary>The share of the shorter question's words that the other must have too.</summary>
    public const double SameWords = 0.6;

    public static IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<string> questions, IPassageEmbedder? embedder)
    {
        Func<int, int, bool> close = embedder is null ? WordsClose(questions) : MeaningClose(questions, embedder);
        var groups = new List<List<int>>();
        for (var i = 0; i < questions.Count; i++)
        {
            if (groups.FirstOrDefault(group => close(group[0], i)) is { } group)
            {
                group.Add(i);
            }
            else
            {
                groups.Add([i]);
            }
        }

        return groups;
    }

    private static Func<int, int, bool> MeaningClose(IReadOnlyList<string> questions, IPassageEmbedder embedder)
    {
        var vectors = questions.Select(embedder.EmbedQuestion).ToList();
        return (a, b) => Dot(vectors[a], vectors[b]) >= SameMeaning;
    }

    private static Func<int, int, bool> WordsClose(IReadOnlyList<string> questions)
    {
        using var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        var words = questions.Select(q => Terms(analyzer, q)).ToList();
        return (a, b) =>
        {
            var shorter = Math.Min(words[a].Count, words[b].Count);
            return shorter > 0 && words[a].Intersect(words[b]).Count() >= SameWords * shorter;
        };
    }

    private static HashSet<string> Terms(EnglishAnalyzer analyzer, string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
