namespace ChatBrief.Core.Search;

/// <summary>
/// Decides from evidence, not from a raw score, whether the best passage answers: a passage answers when it holds most of
/// the question's weighted vocabulary, or, for a paraphrased question, a good part of it spread over several of its words.
/// A question whose rare words the sources never use ("the capital of France") is not answered by one shared name, and
/// a question about what someone said is not answered when the sources never name them.
/// </summary>
public static class AbstentionPolicy
{
    /// <summary>The best passage must hold at least this share of the question's term weight…</summary>
    public const double MinimumCoverage = 0.5;

    /// <summary>…or at least this share, when it holds <see cref="ParaphraseWords"/> or more of the question's words.</summary>
    public const double ParaphraseCoverage = 0.3;

    public const int ParaphraseWords = 3;

    /// <summary>With vectors, a best passage this close in meaning answers whatever its wording (casual phrasing, slang, paraphrase)…</summary>
    public static readonly float ConfidentCosine = float.Parse(Environment.GetEnvironmentVariable("CB_HI") ?? "0.9", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>…and one this far never does, however many of the question's words it shares.</summary>
    public static readonly float MinimumCosine = float.Parse(Environment.GetEnvironmentVariable("CB_LO") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <returns>Why the search abstains, or null when the best passage answers.</returns>
    public static string? Judge(ParsedQuestion question, IReadOnlyList<RankedPassage> ranked)
    {
        if (ranked.Count == 0)
        {
            return "no passage shares a word with the question";
        }

        // What someone said cannot be in sources that never name them, however well the topic matches ("What did Obama
        // say about the Senkaku Islands?").
        if (question.AsksForSpeaker && question.Terms.FirstOrDefault(t => t.DocumentFrequency == 0 && question.NameTerms.Contains(t.Term)) is { } stranger)
        {
            return $"the sources never mention: {stranger.Term}";
        }

        var best = ranked[0];
        if (best.Cosine is { } cosine)
        {
            if (cosine < MinimumCosine)
            {
                return $"the best passage is not close in meaning to the question (cosine {cosine:0.00})";
            }

            if (cosine >= ConfidentCosine)
            {
                return null;
            }
        }

        var paraphrased = best.Coverage >= ParaphraseCoverage && best.CoveredWords >= ParaphraseWords;
        if (best.Coverage < MinimumCoverage && !paraphrased)
        {
            var missing = question.Terms.Where(t => t.DocumentFrequency == 0).Select(t => t.Term).ToList();
            return missing.Count > 0
                ? $"the sources never mention: {string.Join(", ", missing)}"
                : $"the best passage holds only {best.Coverage:P0} of the question's key words";
        }

        return null;
    }
}
