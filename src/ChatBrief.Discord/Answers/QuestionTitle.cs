using System.Text.RegularExpressions;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Answers;

/// <summary>
/// The question, shown as the title of an answer's first embed. It doubles as the buttons' memory: a button click
/// carries the message it sits on, and the question is read back from this title. A question too long for a title is
/// shown shortened, ending with " ...", and is not carried: no paging button is offered for it, and a title ending so is
/// never read back as a question.
/// </summary>
internal static partial class QuestionTitle
{
    public static (string Title, bool Carried) For(string question)
    {
        var normalised = Whitespace().Replace(question, " ").Trim();
        var escaped = DiscordMarkdown.Escape(normalised);
        return escaped.Length <= MessageLimits.Title
            ? (escaped, !IsShortened(escaped))
            : (TextFitter.Fit(normalised, MessageLimits.Title, DiscordMarkdown.Escape), false);
    }

    /// <summary>The question a message answers, or null when the message carries none (it is not one of ChatBrief's answers).</summary>
    public static string? ReadFrom(ReceivedMessage? message) =>
        message?.Embeds is [{ Title: { Length: > 0 } title }, ..] && !IsShortened(title) ? DiscordMarkdown.Unescape(title) : null;

    private static bool IsShortened(string title) => title.EndsWith(" " + TextFitter.Omission, StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
