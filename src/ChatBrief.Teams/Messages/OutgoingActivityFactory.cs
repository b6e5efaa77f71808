using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBrief.Teams.Activities;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Messages;

/// <summary>Builds every activity the bot sends, so that each one is addressed the same way and passes the size check.</summary>
internal sealed class OutgoingActivityFactory(ILogger<OutgoingActivityFactory> logger)
{
    /// <summary>Teams refuses messages near 100 KB (measured in UTF-16) and advises staying under 80 KB.</summary>
    public const int MaxMessageBytes = 80 * 1024;

    /// <summary>Notifications show only the start of a message.</summary>
    private const int MaxSummaryLength = 300;

    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static readonly TeamsMessage TooLarge = new(new Paragraph(
        "This answer is too large to show in Teams. Please ask a narrower question."));

    /// <summary>A reply to <paramref name="activity"/> carrying <paramref name="message"/> as an Adaptive Card.</summary>
    public JsonObject Reply(InboundActivity activity, TeamsMessage message)
    {
        var reply = Build(activity, message);
        var size = MeasureBytes(reply);
        if (size <= MaxMessageBytes)
        {
            return reply;
        }

        logger.LogWarning("A {Size}-byte reply exceeded the {Limit}-byte limit and was replaced by a notice", size, MaxMessageBytes);
        return Build(activity, TooLarge);
    }

    /// <summary>The "typing…" indicator for the conversation of <paramref name="activity"/>.</summary>
    public JsonObject Typing(InboundActivity activity) => Addressed(ActivityTypes.Typing, activity);

    /// <summary>Whether <paramref name="message"/> fits in one Teams message as a reply to <paramref name="activity"/>.</summary>
    public bool Fits(InboundActivity activity, TeamsMessage message) => MeasureBytes(Build(activity, message)) <= MaxMessageBytes;

    /// <summary>The size Teams counts: the serialized activity in UTF-16.</summary>
    public static int MeasureBytes(JsonObject activity) => Encoding.Unicode.GetByteCount(activity.ToJsonString(JsonOptions));

    private static JsonObject Build(InboundActivity activity, TeamsMessage message)
    {
        var reply = Addressed(ActivityTypes.Message, activity);
        reply["summary"] = TextCut.Shorten(message.PlainText, MaxSummaryLength);
        reply["replyToId"] = activity.Id;
        if (message.Claims.Count > 0)
        {
            reply["text"] = CitationWriter.Text(message.Claims);
            reply["textFormat"] = "markdown";
            reply["entities"] = new JsonArray(CitationWriter.Entity(message.Claims));
        }

        reply["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = AdaptiveCardWriter.ContentType,
            ["content"] = AdaptiveCardWriter.Write(message),
        });
        if (message.AnswerId is not null)
        {
            // Teams' own feedback loop: 👍/👎 under the message, answered by a message/submitAction invoke.
            reply["channelData"] = new JsonObject { ["feedbackLoop"] = new JsonObject { ["type"] = "default" } };
        }

        return reply;
    }

    /// <summary>From the bot (the inbound recipient) to the sender, in the same conversation; it has no mention entity, so nothing in it can ping anyone.</summary>
    private static JsonObject Addressed(string type, InboundActivity activity) => new()
    {
        ["type"] = type,
        ["from"] = Account(activity.Recipient!),
        ["recipient"] = Account(activity.From!),
        ["conversation"] = new JsonObject { ["id"] = activity.Conversation!.Id },
    };

    private static JsonObject Account(ChannelAccount account) => new() { ["id"] = account.Id, ["name"] = account.Name };
}
