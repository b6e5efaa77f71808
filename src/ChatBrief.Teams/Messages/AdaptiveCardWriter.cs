using System.Text.Json.Nodes;

namespace ChatBrief.Teams.Messages;

/// <summary>Writes a <see cref="TeamsMessage"/> as an Adaptive Card 1.5, the newest version Teams renders for bots.</summary>
internal static class AdaptiveCardWriter
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>
    /// Text goes into <c>RichTextBlock</c> runs rather than <c>TextBlock</c>s because runs are never read as markdown:
    /// a passage that contains <c>**</c>, <c>[link](url)</c> or HTML shows exactly those characters.
    /// </summary>
    public static JsonObject Write(TeamsMessage message)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = CardText.ForMarkdown(message.PlainText),
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = new JsonArray([.. message.Blocks.Select(Block)]),
        };
        if (message.Actions.Count > 0)
        {
            card["actions"] = Actions(message.Actions);
        }

        return card;
    }

    private static JsonNode Block(MessageBlock block) => block switch
    {
        Paragraph { Style: ParagraphStyle.Quote } quote => new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JsonArray(RichText(quote)),
        },
        Paragraph paragraph => RichText(paragraph),
        ButtonRow row => new JsonObject { ["type"] = "ActionSet", ["actions"] = Actions(row.Buttons) },
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown message block."),
    };

    private static JsonObject RichText(Paragraph paragraph) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray([.. paragraph.Runs.Where(r => r.Text.Length > 0).Select(r => TextRun(r, paragraph.Style))]),
    };

    private static JsonNode TextRun(Run run, ParagraphStyle style)
    {
        var node = new JsonObject { ["type"] = "TextRun", ["text"] = CardText.ForTextRun(run.Text) };
        if (run.Emphasised || style == ParagraphStyle.Heading)
        {
            node["weight"] = "Bolder";
        }

        if (style == ParagraphStyle.Heading)
        {
            node["size"] = "Medium";
        }

        if (style == ParagraphStyle.Subtle)
        {
            node["isSubtle"] = true;
            node["size"] = "Small";
        }

        return node;
    }

    private static JsonArray Actions(IEnumerable<SubmitButton> buttons) =>
        new([.. buttons.Select(b => (JsonNode)new JsonObject { ["type"] = "Action.Submit", ["title"] = b.Title, ["data"] = b.Data.ToJson() })]);
}
