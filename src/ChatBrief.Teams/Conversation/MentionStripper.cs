using System.Text.RegularExpressions;
using ChatBrief.Teams.Activities;

namespace ChatBrief.Teams.Conversation;

/// <summary>
/// Removes the bot's own @mention from a message. The mention is found through the activity's <c>mention</c> entity
/// for the recipient, not by parsing <c>&lt;at&gt;</c> tags, so that mentions of other people stay in the question.
/// </summary>
internal static partial class MentionStripper
{
    public static string Strip(InboundActivity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && botId is not null
                && string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, " ", StringComparison.Ordinal);
            }
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
