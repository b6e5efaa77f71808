using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;

namespace ChatBrief.Teams.Messages;

/// <summary>The bot's messages about itself and its index: welcome, help, status, sources and reindexing.</summary>
internal static class InfoMessages
{
    /// <summary>A sources list longer than this is cut, which keeps the card far below Teams' size limit.</summary>
    public const int MaxListedSources = 50;

    public const string IndexNotReady = "The index is still being built from the sources. Please try again in a minute.";

    public static TeamsMessage Welcome() => new(
        [new Paragraph("Hello! I'm ChatBrief.", ParagraphStyle.Heading), .. HelpBlocks()], []);

    public static TeamsMessage Help() => new(HelpBlocks(), []);

    public static TeamsMessage Status(IndexStatus status, DateTimeOffset now)
    {
        var reindexing = AnswerWording.Reindexing(status) is { } progress ? new Paragraph(progress, ParagraphStyle.Subtle) : null;
        if (!status.IsReady)
        {
            return reindexing is null ? new TeamsMessage(new Paragraph(IndexNotReady)) : new TeamsMessage(new Paragraph(IndexNotReady), reindexing);
        }

        var blocks = new List<MessageBlock>
        {
            new Paragraph($"The index holds {status.Documents} documents and {status.Passages} passages."),
            new Paragraph($"Search by meaning: {AnswerWording.SemanticCoverage(status)}", ParagraphStyle.Subtle),
        };
        if (reindexing is not null)
        {
            blocks.Add(reindexing);
        }
        if (IndexAge.Describe(status.BuiltAt, now) is { } age)
        {
            blocks.Add(new Paragraph(age, ParagraphStyle.Subtle));
        }

        return new TeamsMessage(blocks, []);
    }

    public static TeamsMessage Sources(IReadOnlyList<SourceSummary> sources)
    {
        if (sources.Count == 0)
        {
            return new TeamsMessage(new Paragraph("The index holds no documents yet."));
        }

        var blocks = new List<MessageBlock> { new Paragraph($"I quote from {sources.Count} documents:", ParagraphStyle.Heading) };
        blocks.AddRange(sources.Take(MaxListedSources).Select(s => new Paragraph(
            $"{(s.Author is null ? s.Title : $"{s.Title}, by {s.Author}")} ({s.Source}, {s.Passages} passages)")));
        if (sources.Count > MaxListedSources)
        {
            blocks.Add(new Paragraph($"… and {sources.Count - MaxListedSources} more.", ParagraphStyle.Subtle));
        }

        return new TeamsMessage(blocks, []);
    }

    public static TeamsMessage ReindexStarted() => new(new Paragraph("Reindexing the sources. I'll post a summary when it's done."));

    public static TeamsMessage Reindexed(IndexBuildReport report)
    {
        var blocks = new List<MessageBlock>
        {
            new Paragraph($"Reindexed in {report.Elapsed.TotalSeconds:0.0} s: {report.Documents} documents, {report.Passages} passages.", ParagraphStyle.Heading),
            new Paragraph($"Sources: {report.Added} added, {report.Updated} updated, {report.Removed} removed, {report.Unchanged} unchanged, {report.Skipped.Count} skipped."),
        };
        blocks.AddRange(report.Skipped.Take(MaxListedSources).Select(s => new Paragraph($"Skipped {s.Path}: {s.Reason}", ParagraphStyle.Subtle)));
        return new TeamsMessage(blocks, []);
    }

    public static TeamsMessage ReindexFailed(string reason) => new(new Paragraph($"The reindex did not run: {reason}"));

    public static TeamsMessage SomethingWentWrong() => new(new Paragraph("Sorry, something went wrong while answering. Please try again in a moment."));

    public static TeamsMessage ReindexRefused() => new(new Paragraph(
        "Sorry, only moderators can reindex the sources. If the documents have changed, please ask a moderator to run reindex."));

    private static MessageBlock[] HelpBlocks() =>
    [
        new Paragraph("Ask me a question about the team's documents: mention me and type it. I answer only with exact quotes from the sources, each with its citation, and I say so when the sources don't answer."),
        new Paragraph("Commands: help (this message), sources (the documents I quote), status (the index), aliases (spellings that mean the same)."),
        new Paragraph("Moderators: reindex (re-read the sources), send a file in a personal chat (add it as a source; with the message replace to overwrite one), remove <name>, alias add A = B, alias remove A, audit (the latest moderator actions), gaps or gaps 7 in a personal chat (what people asked that the sources could not answer)."),
        new Paragraph("To quote a passage in any chat, use \"Search the sources\" from the apps under the message box: pick a result to insert it with its citation."),
        new Paragraph("In a personal chat, no mention is needed.", ParagraphStyle.Subtle),
    ];
}
