using ChatBrief.Core.Search;

namespace ChatBrief.Core.Answers;

/// <summary>A ranked passage with the passages of other sources that say the same thing.</summary>
public sealed record GroupedPassage(RankedPassage Best, IReadOnlyList<RankedPassage> Corroborating);

/// <summary>
/// Folds passages that repeat what a better-ranked passage of another source says (the same quote reported by several
/// articles) into that passage, so an answer shows each fact once and lists where else it appears.
/// </summary>
public static class AnswerGrouping
{
    /// <summary>Share of distinct words two answering sentences must have in common to count as the same statement.</summary>
    public const double SameStatementOverlap = 0.5;

    public static IReadOnlyList<GroupedPassage> Group(IReadOnlyList<RankedPassage> ranked, PassageTermCache terms)
    {
        var groups = new List<(RankedPassage Best, SentenceTerms Sentence, List<RankedPassage> Others)>();
        foreach (var passage in ranked)
        {
            var sentence = terms.Get(passage.Passage).Sentences[passage.BestSentence];
            var same = groups.FindIndex(g => g.Best.Passage.Source != passage.Passage.Source && Overlap(g.Sentence, sentence) >= SameStatementOverlap);
            if (same >= 0 && groups[same].Others.TrueForAll(o => o.Passage.Source != passage.Passage.Source))
            {
                groups[same].Others.Add(passage);
            }
            else
            {
                groups.Add((passage, sentence, []));
            }
        }

        return groups.Select(g => new GroupedPassage(g.Best, g.Others)).ToList();
    }

    /// <summary>Jaccard overlap of the distinct terms of two sentences.</summary>
    private static double Overlap(SentenceTerms a, SentenceTerms b)
    {
        if (a.Counts.Count == 0 || b.Counts.Count == 0)
        {
            return 0;
        }

        var shared = a.Counts.Keys.Count(b.Contains);
        return (double)shared / (a.Counts.Count + b.Counts.Count - shared);
    }
}
