using System.Text;
using System.Text.Json.Nodes;
using ChatBrief.Core.Answers;
using ChatBrief.Teams.Messages;

namespace ChatBrief.Teams.MessageExtension;

/// <summary>
/// One search result of the message extension: the Adaptive Card inserted into the message being written (the passage
/// quoted in full with its citation, and no buttons, since the chat it lands in may not have the bot), and the
/// thumbnail card Teams lists as its preview.
/// </summary>
internal static class PassageCard
{
    /// <summary>Teams' limit for a message extension's card, counted like a message: the serialized JSON in UTF-16.</summary>
    public const int MaxCardBytes = 28 * 1024;

    public const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>The preview lists a few lines of each result; its whole sentence is in the card.</summary>
    private const int MaxPreviewLength = 300;

    public const string ClosestMatch = "Closest match, not an answer";

    /// <summary>The result, or null when its card would exceed <see cref="MaxCardBytes"/>.</summary>
    public static JsonObject? For(AnswerPassage passage, bool closestMatch)
    {
        var card = AdaptiveCardWriter.Write(new TeamsMessage([.. AnswerMessages.CitedPassage(passage)], []));
        if (Encoding.Unicode.GetByteCount(card.ToJsonString(OutgoingActivityFactory.JsonOptions)) > MaxCardBytes)
        {
            return null;
        }

        var place = AnswerWording.Location(passage.Source, passage.Page, passage.Passage);
        return new JsonObject
        {
            ["contentType"] = AdaptiveCardWriter.ContentType,
            ["content"] = card,
            ["preview"] = new JsonObject
            {
                ["contentType"] = ThumbnailContentType,
                ["content"] = new JsonObject
                {
                    ["title"] = CardText.ForMarkdown(AnswerWording.Byline(passage.Title, passage.Author)),
                    ["subtitle"] = CardText.ForMarkdown(closestMatch ? $"{ClosestMatch} · {place}" : place),
                    ["text"] = CardText.ForMarkdown(TextCut.Shorten(string.IsNullOrEmpty(passage.BestSentence) ? passage.Text : passage.BestSentence, MaxPreviewLength)),
                },
            },
        };
    }
}
