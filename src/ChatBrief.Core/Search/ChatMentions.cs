using System.Text.RegularExpressions;

namespace ChatBrief.Core.Search;

/// <summary>
/// Mentions address a person or the bot (Discord's <c>&lt;@123&gt;</c>, <c>&lt;@&amp;role&gt;</c>, <c>&lt;#channel&gt;</c>, a typed
/// <c>@ChatBrief</c>); they are never what a question is about, and searching for them only dilutes it. E-mail addresses
/// are kept.
/// </summary>
internal static partial class ChatMentions
{
    public static string Remove(string question) => Mention().Replace(question, " ");

    [GeneratedRegex(@"<(?:@[!&]?|#)\d+>|(?<![\w.])@[\p{L}\p{N}_.-]+")]
    private static partial Regex Mention();
}
