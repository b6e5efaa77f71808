using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Moderation;

namespace ChatBrief.Teams.Messages;

/// <summary>The bot's replies to moderators' commands: changes to the sources and aliases, the audit trail and the gap report.</summary>
internal static class ModeratorMessages
{
    /// <summary>Gap groups shown, largest first; a card keeps well within Teams' size limit.</summary>
    public const int MaxListedGaps = 15;

    private const int ExampleLength = 150;

    public static TeamsMessage Refused() => new(new Paragraph(
        "Sorry, only moderators can change the sources, edit the aliases or read the audit trail and the gap report."));

    public static TeamsMessage GapsInPersonalChatOnly() => new(new Paragraph(
        "The gap report quotes what people asked, so ask me for gaps in a personal chat."));

    /// <summary>What people asked that the sources could not answer, grouped, largest first, with what is answered now.</summary>
    public static TeamsMessage Gaps(IReadOnlyList<GapGroup> groups, int days)
    {
        var open = groups.Where(g => !g.Answered).ToList();
        var answered = groups.Count - open.Count;
        var blocks = new List<MessageBlock> { new Paragraph($"Knowledge gaps, last {days} days", ParagraphStyle.Heading) };
        if (open.Count == 0)
        {
            blocks.Add(new Paragraph($"No question went unanswered in the last {days} days."));
        }

        foreach (var gap in open.Take(MaxListedGaps))
        {
            blocks.Add(new Paragraph($"{gap.Asked} asked: {string.Join(" · ", gap.Examples.Select(e => "“" + TextCut.Shorten(e, ExampleLength) + "”"))}"));
            if (gap.Closest is { } passage)
            {
                blocks.Add(new Paragraph($"Closest: {AnswerWording.Citation(passage)}", ParagraphStyle.Subtle));
            }

            if (gap.ReasonSummary is { Length: > 0 } reasons)
            {
                blocks.Add(new Paragraph($"👎 {reasons}", ParagraphStyle.Subtle));
            }
        }

        if (open.Count > MaxListedGaps)
        {
            blocks.Add(new Paragraph($"… and {open.Count - MaxListedGaps} smaller groups (chatbrief gaps lists them all).", ParagraphStyle.Subtle));
        }

        if (answered > 0)
        {
            blocks.Add(new Paragraph($"{answered} earlier {(answered == 1 ? "gap is" : "gaps are")} answered by the sources now.", ParagraphStyle.Subtle));
        }

        return new TeamsMessage(blocks, []);
    }

    /// <summary>One sentence of the bot's: a refusal's reason or a confirmation.</summary>
    public static TeamsMessage Plain(string text) => new(new Paragraph(text));

    public static TeamsMessage FilesInPersonalChatOnly() => new(new Paragraph(
        "To add a source, send the file to me in a personal chat."));

    public static TeamsMessage NameInUse(string fileName) => new(new Paragraph(
        $"A source named “{fileName}” already exists. To overwrite it, send the file again with the message replace. Nothing was changed."));

    public static TeamsMessage SourceChanged(SourceChange change)
    {
        if (change.Report is not { } report)
        {
            return new TeamsMessage(
                new Paragraph(change.Change, ParagraphStyle.Heading),
                new Paragraph($"The index was not updated: {change.IndexProblem} Send reindex to bring it up to date."));
        }

        var blocks = new List<MessageBlock>
        {
            new Paragraph(change.Change, ParagraphStyle.Heading),
            new Paragraph(AnswerWording.ReindexReport(report, change.PassagesBefore)),
        };
        blocks.AddRange(report.Skipped.Take(InfoMessages.MaxListedSources).Select(s => new Paragraph($"Skipped {s.Path}: {s.Reason}", ParagraphStyle.Subtle)));
        return new TeamsMessage(blocks, []);
    }

    public static TeamsMessage Aliases(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        if (groups.Count == 0)
        {
            return new TeamsMessage(new Paragraph("No alias has been added yet. Moderators add one with: alias add SDF = Self-Defense Forces"));
        }

        var blocks = new List<MessageBlock> { new Paragraph(groups.Count == 1 ? "1 alias:" : $"{groups.Count} aliases:", ParagraphStyle.Heading) };
        blocks.AddRange(groups.Take(InfoMessages.MaxListedSources).Select(group => new Paragraph(string.Join(" = ", group))));
        if (groups.Count > InfoMessages.MaxListedSources)
        {
            blocks.Add(new Paragraph($"… and {groups.Count - InfoMessages.MaxListedSources} more.", ParagraphStyle.Subtle));
        }

        return new TeamsMessage(blocks, []);
    }

    public static TeamsMessage Audit(IReadOnlyList<AuditEntry> entries) => entries.Count == 0
        ? new TeamsMessage(new Paragraph("No moderator action has been recorded yet."))
        : new TeamsMessage([new Paragraph($"Latest {entries.Count} moderator actions:", ParagraphStyle.Heading), .. entries.Select(e => new Paragraph(e.ToString()))], []);
}
