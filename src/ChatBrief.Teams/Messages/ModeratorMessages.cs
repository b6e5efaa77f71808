using ChatBrief.Core.Answers;
using ChatBrief.Core.Moderation;

namespace ChatBrief.Teams.Messages;

/// <summary>The bot's replies to moderators' commands: changes to the sources and aliases, and the audit trail.</summary>
internal static class ModeratorMessages
{
    public static TeamsMessage Refused() => new(new Paragraph(
        "Sorry, only moderators can change the sources, edit the aliases or read the audit trail."));

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
