using ChatBrief.Core.Answers;
using ChatBrief.Core.Semantic;

namespace ChatBrief.Core.Feedback;

/// <summary>
/// The gap report: abstained and 👎 questions grouped by meaning, largest group first, each asked again of the index as
/// it is now, for the closest passage and to tell which gaps a later reindex has answered.
/// </summary>
public sealed class GapFinder(IAnswerService answers, IPassageEmbedder? embedder)
{
    /// <summary>The door name the re-asked questions carry in the answer log.</summary>
    public const string Door = "gaps";

    /// <summary>The gaps in the last <paramref name="days"/> days of the question log, opening it first (what <c>/gaps</c> and Teams' <c>gaps</c> show).</summary>
    /// <exception cref="FeedbackStoreException">The log cannot be opened or read.</exception>
    public Task<IReadOnlyList<GapGroup>> FindAsync(IFeedbackStore store, int days, TimeProvider clock, CancellationToken cancellationToken)
    {
        store.Open();
        return FindAsync(store.QuestionsSince(clock.GetUtcNow().AddDays(-days)), cancellationToken);
    }

    public async Task<IReadOnlyList<GapGroup>> FindAsync(IReadOnlyList<LoggedQuestion> log, CancellationToken cancellationToken)
    {
        var gaps = log.Where(q => q.Question is not null && (q.Abstained || q.VotedDown)).ToList();
        var groups = new List<GapGroup>();
        foreach (var members in QuestionGrouping.Group(gaps.Select(q => q.Question!).ToList(), embedder))
        {
            var questions = members.Select(i => gaps[i]).ToList();
            var now = await answers.AskAsync(new AskRequest(questions[0].Question!, Top: 1, Door: Door), cancellationToken);
            var closest = now.Results.FirstOrDefault();
            groups.Add(new GapGroup(questions, closest, IsAnswered(questions, now, closest)));
        }

        return groups.OrderByDescending(g => g.Asked).ThenByDescending(g => g.Questions[^1].At).ToList();
    }

    /// <summary>
    /// An abstained gap is answered once the index answers it; a 👎 gap (its answer was shown but judged wrong) once the
    /// best passage is one that none of its answers showed.
    /// </summary>
    private static bool IsAnswered(IReadOnlyList<LoggedQuestion> questions, Answer now, AnswerPassage? closest)
    {
        if (now.Abstained || closest is null)
        {
            return false;
        }

        return questions.Any(q => q.Abstained)
            || !questions.SelectMany(q => q.Passages).Contains(new ShownPassage(closest.Source, closest.Passage));
    }
}

/// <summary>Questions that ask the same thing the sources did not answer (or answered badly).</summary>
/// <param name="Closest">The best passage the index finds for them now, if any.</param>
/// <param name="Answered">True when the index as it is now answers them.</param>
public sealed record GapGroup(IReadOnlyList<LoggedQuestion> Questions, AnswerPassage? Closest, bool Answered)
{
    public int Asked => Questions.Count;

    /// <summary>Up to three different wordings, latest first.</summary>
    public IReadOnlyList<string> Examples => Questions.Select(q => q.Question!).Reverse().Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();

    /// <summary>How often each reason was given with a 👎, most given first.</summary>
    public IReadOnlyList<(DownReason Reason, int Count)> Reasons => Questions
        .SelectMany(q => q.Votes)
        .Where(v => v.Vote == Vote.Down && v.Reason is not null)
        .GroupBy(v => v.Reason!.Value)
        .Select(g => (g.Key, g.Count()))
        .OrderByDescending(r => r.Item2)
        .ToList();

    /// <summary>The reasons as one phrase, "wrong passage 2, outdated 1", or empty.</summary>
    public string ReasonSummary => string.Join(", ", Reasons.Select(r => $"{DownReasons.Label(r.Reason)} {r.Count}"));
}
