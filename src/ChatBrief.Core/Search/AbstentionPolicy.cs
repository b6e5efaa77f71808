namespace ChatBrief.Core.Search;

/// <summary>
/// Decides from evidence, not from a raw score, whether the best passage answers. A question about what someone said is
/// never answered when the sources never name them. Otherwise, with passage vectors, a logistic model weighs the lexical
/// evidence (how much of the question's weighted vocabulary the best passage holds, how much the sources never use) with
/// the semantic (how close the passage is in meaning, and how far it stands out from the other candidates); without
/// vectors, the best passage must hold most of the question's weighted vocabulary, or, for a paraphrased question, a
/// good part of it spread over several of its words.
/// </summary>
public static class AbstentionPolicy
{
    /// <summary>The best passage must hold at least this share of the question's term weight…</summary>
    public const double MinimumCoverage = 0.5;

    /// <summary>…or at least this share, when it holds <see cref="ParaphraseWords"/> or more of the question's words.</summary>
    public const double ParaphraseCoverage = 0.3;

    public const int ParaphraseWords = 3;

    // Fitted by logistic regression on the top result's evidence: answerable questions from the training halves of SQuAD,
    // WikiQA and NewsQA and the seeds, against questions whose answer is not in the sources (NewsQA stories removed from
    // the corpus, SQuAD questions asked of the seeds, the seeds' unanswerable questions). README: "Abstention".
    private static readonly (Func<AnswerEvidence, double> Feature, double Weight)[] Weights =
    [
        (e => e.Coverage, 1.2232),
        (e => e.CoveredWords, 0.8044),
        (e => e.NeverUsed, -2.9276),
        (e => e.Cosine, 10.1813),
        (e => e.CosineZ, 0.3232),
        (e => e.Score, 0.0243),
        (e => e.ScoreGap, 0.0207),
    ];

    private const double Bias = -8.9226;

    /// <summary>Below this log-odds a passage that passes the lexical test still does not answer…</summary>
    public const double AnswerLogOdds = -2.5;

    /// <summary>…and from this one a passage answers even when it fails the lexical test (casual phrasing, paraphrase).</summary>
    public const double ConfidentLogOdds = -0.75;

    /// <returns>Why the search abstains (null when the best passage answers), with the evidence weighed.</returns>
    public static AbstentionVerdict Judge(ParsedQuestion question, IReadOnlyList<RankedPassage> ranked)
    {
        if (ranked.Count == 0)
        {
            return new AbstentionVerdict("no passage shares a word with the question", null);
        }

        if (question.NamesNothing)
        {
            return new AbstentionVerdict("the question names nothing to look for", AnswerEvidence.Of(question, ranked));
        }

        // What someone said cannot be in sources that never name them, however well the topic matches ("What did Obama
        // say about the Senkaku Islands?").
        if (question.AsksForSpeaker && question.Terms.FirstOrDefault(t => t.DocumentFrequency == 0 && question.NameTerms.Contains(t.Term)) is { } stranger)
        {
            return new AbstentionVerdict($"the sources never mention: {stranger.Term}", AnswerEvidence.Of(question, ranked));
        }

        var lexical = LexicalVerdict(question, ranked[0]);
        if (AnswerEvidence.Of(question, ranked) is not { } evidence)
        {
            return new AbstentionVerdict(lexical, null);
        }

        // One shared word of several, when the sources never use the others, is a topic match, not an answer ("What is
        // the capital of Australia?" against a passage that names Australia), however close the meaning.
        var logOdds = LogOdds(evidence);
        var sharesWords = ranked[0].CoveredWords >= Math.Min(2, question.Words.Count) || evidence.NeverUsed == 0;
        var answers = (logOdds >= ConfidentLogOdds && sharesWords) || (lexical is null && logOdds >= AnswerLogOdds);
        return new AbstentionVerdict(answers ? null : lexical ?? $"the best passage is not close enough in meaning (log-odds {logOdds:0.0})", evidence);
    }

    public static double LogOdds(AnswerEvidence evidence) => Bias + Weights.Sum(w => w.Weight * w.Feature(evidence));

    private static string? LexicalVerdict(ParsedQuestion question, RankedPassage best)
    {
        var paraphrased = best.Coverage >= ParaphraseCoverage && best.CoveredWords >= ParaphraseWords;
        if (best.Coverage >= MinimumCoverage || paraphrased)
        {
            return null;
        }

        var missing = question.Terms.Where(t => t.DocumentFrequency == 0).Select(t => t.Term).ToList();
        return missing.Count > 0
            ? $"the sources never mention: {string.Join(", ", missing)}"
            : $"the best passage holds only {best.Coverage:P0} of the question's key words";
    }
}

/// <summary>Whether a search abstains and why.</summary>
/// <param name="Reason">Why the search abstains, or null when the best passage answers.</param>
/// <param name="Evidence">What the abstention model read of the best passage, or null when it has no vector.</param>
public sealed record AbstentionVerdict(string? Reason, AnswerEvidence? Evidence)
{
    public bool Abstains => Reason is not null;
}

/// <summary>What the abstention model reads of the best passage.</summary>
/// <param name="Coverage">Share of the question's term weight in the passage.</param>
/// <param name="CoveredWords">Share of the question's written content words in the passage.</param>
/// <param name="NeverUsed">Share of the question's term weight that no passage of the sources holds.</param>
/// <param name="Cosine">Cosine of the question with the passage.</param>
/// <param name="CosineZ">How far that cosine stands above the candidates', in standard deviations.</param>
/// <param name="Score">The ranking model's score.</param>
/// <param name="ScoreGap">Its lead over the second passage.</param>
public sealed record AnswerEvidence(double Coverage, double CoveredWords, double NeverUsed, double Cosine, double CosineZ, double Score, double ScoreGap)
{
    /// <summary>The abstention model's log-odds that the passage answers.</summary>
    public double LogOdds => AbstentionPolicy.LogOdds(this);

    /// <summary>The evidence for the best passage, or null when the passages have no vectors.</summary>
    public static AnswerEvidence? Of(ParsedQuestion question, IReadOnlyList<RankedPassage> ranked)
    {
        if (ranked[0].Cosine is not { } cosine)
        {
            return null;
        }

        var cosines = new CosineSpread(ranked.Select(r => r.Cosine ?? 0).ToArray());
        var total = Math.Max(question.TotalWeight, double.Epsilon);
        return new AnswerEvidence(
            ranked[0].Coverage,
            question.Words.Count == 0 ? 0 : ranked[0].CoveredWords / (double)question.Words.Count,
            question.Terms.Where(t => t.DocumentFrequency == 0).Sum(t => t.Weight) / total,
            cosine,
            cosines.Standardize(cosine),
            ranked[0].Score,
            ranked.Count > 1 ? ranked[0].Score - ranked[1].Score : 0);
    }
}
