using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary>What a reindex did, as one embed: after /reindex, and after a moderator adds or removes a source.</summary>
internal static class ReindexSummary
{
    private const int SkippedListed = 10;

    public static OutgoingMessage Create(string title, IndexBuildReport report, int? passagesBefore = null)
    {
        var fields = new List<EmbedField>
        {
            new("Rebuild", report.FullRebuild ? "Full" + (report.RebuildReason is { Length: > 0 } reason ? $" ({TextFitter.Fit(reason, 200, DiscordMarkdown.Escape)})" : "") : "Changed sources only", Inline: true),
        };
        if (report.Skipped.Count > 0)
        {
            var listed = string.Join('\n', report.Skipped.Take(SkippedListed).Select(skipped => $"{skipped.Path}: {skipped.Reason}"));
            var more = report.Skipped.Count > SkippedListed ? $"\n... and {report.Skipped.Count - SkippedListed} more" : "";
            fields.Add(new EmbedField($"Skipped ({report.Skipped.Count})", TextFitter.Fit(listed, MessageLimits.FieldValue - more.Length, DiscordMarkdown.Escape) + more));
        }

        var embed = new Embed(TextFitter.Fit(title, MessageLimits.Title, DiscordMarkdown.Escape), DiscordMarkdown.Escape(AnswerWording.ReindexReport(report, passagesBefore)), fields);
        return OutgoingMessage.Create([embed]);
    }
}
