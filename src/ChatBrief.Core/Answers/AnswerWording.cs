namespace ChatBrief.Core.Answers;

/// <summary>
/// The bot's own fixed words around quotes, shared by every door so that an abstention reads the same in the terminal,
/// Discord and Teams. Nothing else an answer shows is written by ChatBrief.
/// </summary>
public static class AnswerWording
{
    public const string Abstention = "The sources don't answer this question.";

    public const string ClosestMatches = "Closest matches (not answers):";

    public const string Shortened = "Your question was long, so only its first part was searched.";

    public const string EmptyQuestion = "The question is empty: type what you want to know.";

    /// <summary>Said privately to a person who asked faster than <see cref="LimitsOptions.QuestionsPerMinute"/> allows.</summary>
    public static string SlowDown(TimeSpan retryAfter) =>
        $"You are asking faster than I can keep up with. Please slow down and try again in {Count((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds)), "second")}.";

    /// <summary>A long question full of slips names only this many, so the notice never crowds out the quotes.</summary>
    public const int MaxCorrectionsNamed = 3;

    /// <summary>"Searched for “Iwaya” instead of “Iwya”.": said whenever a slip was corrected, so that a wrong guess shows.</summary>
    public static string Corrected(IReadOnlyList<CorrectedWord> corrections)
    {
        var named = corrections.Take(MaxCorrectionsNamed).Select(c => $"“{c.Searched}” instead of “{c.Typed}”").ToList();
        var more = corrections.Count - named.Count;
        if (more > 0)
        {
            named.Add(Count(more, "other word"));
        }

        return "Searched for " + (named.Count == 1 ? named[0] : $"{string.Join(", ", named[..^1])} and {named[^1]}") + ".";
    }

    /// <summary>"Title, by Author", or the title alone when the author is unknown.</summary>
    /// <summary>
    /// A title made from a document's opening words, marked so that it is not read as the document's own:
    /// "“Tokyo and Washington agreed…” (untitled)".
    /// </summary>
    public static string MadeUpTitle(string openingWords) => $"“{openingWords}” (untitled)";

    public static string Byline(string title, string? author) => string.IsNullOrEmpty(author) ? title : $"{title}, by {author}";

    /// <summary>
    /// "Title, by Author (source.txt, paragraph 4)", or "(report.pdf, page 2, paragraph 4)" for a paged source: what every
    /// door shows under a quote.
    /// </summary>
    public static string Citation(AnswerPassage passage) =>
        $"{Byline(passage.Title, passage.Author)} ({Location(passage.Source, passage.Page, passage.Passage)})";

    /// <summary>"source.txt, paragraph 4", or "report.pdf, page 2, paragraph 4" when the source has pages.</summary>
    public static string Location(string source, int? page, int paragraph) => $"{source}, {Place(page, paragraph)}";

    /// <summary>"paragraph 4", or "page 2, paragraph 4": the paragraph number counts from the start of the document either way.</summary>
    public static string Place(int? page, int paragraph) => page is { } onPage ? $"page {onPage}, paragraph {paragraph}" : $"paragraph {paragraph}";

    /// <summary>"index built 3 hours ago": readers judge an answer by how fresh its sources are.</summary>
    public static string IndexAge(DateTimeOffset? builtAt, DateTimeOffset now)
    {
        if (builtAt is not { } built)
        {
            return "index not built yet";
        }

        var age = now - built;
        return age switch
        {
            _ when age < TimeSpan.FromMinutes(1) => "index built just now",
            _ when age < TimeSpan.FromHours(1) => $"index built {Count((int)age.TotalMinutes, "minute")} ago",
            _ when age < TimeSpan.FromDays(1) => $"index built {Count((int)age.TotalHours, "hour")} ago",
            _ => $"index built {Count((int)age.TotalDays, "day")} ago",
        };
    }

    /// <summary>"on, 32 of 32 passages" or "off": whether questions are also matched by meaning, and over how much of the index.</summary>
    public static string SemanticCoverage(Indexing.IndexStatus status) => status.SemanticModel is null
        ? "off (Search:Semantic is false)"
        : $"on, {status.PassagesWithVectors:N0} of {status.Passages:N0} passages";

    /// <summary>What a user who asked for a passage's context should know of what became of it since the answer, or null.</summary>
    public static string? ContextState(PassageContext context) => context.State switch
    {
        PassageState.Moved => $"This passage has moved to paragraph {context.Paragraphs.First(p => p.IsRequested).Passage} since the answer was given.",
        PassageState.Edited => "This paragraph has been edited since the answer was given; this is what it says now.",
        _ => null,
    };

    /// <summary>"Reindexing: 3 of 40 sources read." for a second moderator who asks while a build runs, or null when none runs.</summary>
    public static string? Reindexing(Indexing.IndexStatus status) => status.BuildProgress switch
    {
        null => null,
        { Total: 0, ToEmbed: > 0 } p => $"Embedding passages for search by meaning: {p.Embedded:N0} of {p.ToEmbed:N0}.",
        { Total: 0 } => "Reindexing: starting.",
        { ToEmbed: > 0 } p => $"Reindexing: {p.Done:N0} of {p.Total:N0} sources read; embedding {p.Embedded:N0} of {p.ToEmbed:N0} passages of {p.Current}.",
        var p => $"Reindexing: {p.Done:N0} of {p.Total:N0} sources read.",
    };

    /// <summary>
    /// "3 documents, 120 passages (110 before): 1 added, 0 updated, 0 removed, 2 unchanged, 1 skipped; took 1.2 s.":
    /// what a reindex did, for whoever asked for it.
    /// </summary>
    public static string ReindexReport(Indexing.IndexBuildReport report, int? passagesBefore = null)
    {
        var before = passagesBefore is { } count && count != report.Passages ? $" ({count:N0} before)" : "";
        return FormattableString.Invariant(
            $"{Count(report.Documents, "document")}, {Count(report.Passages, "passage")}{before}: {report.Added} added, {report.Updated} updated, {report.Removed} removed, {report.Unchanged} unchanged, {report.Skipped.Count} skipped; took {report.Elapsed.TotalSeconds:0.0} s.")
            + (report.EmbeddingLater > 0 ? FormattableString.Invariant($" {Count(report.EmbeddingLater, "new passage")} can be found by their words now, and by meaning once embedded in the background.") : "");
    }

    private static string Count(int value, string unit) => value == 1 ? $"1 {unit}" : FormattableString.Invariant($"{value:N0} {unit}s");
}
