using System.Text.Json.Nodes;

namespace ChatBrief.Tests.Teams;

/// <summary>Reads what a recorded reply shows: its Adaptive Card, the card's text and its buttons.</summary>
public static class CardReader
{
    public static JsonObject Card(RecordedRequest reply)
    {
        var attachment = reply.Json["attachments"]!.AsArray().Single()!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        return attachment["content"]!.AsObject();
    }

    /// <summary>Every text run of the card, in order, joined by newlines.</summary>
    public static string Text(RecordedRequest reply) => string.Join("\n", Runs(Card(reply)["body"]!).Select(r => r["text"]!.GetValue<string>()));

    public static IEnumerable<JsonObject> Runs(JsonNode node) => node switch
    {
        JsonObject { } o when o["type"]?.GetValue<string>() == "TextRun" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Runs(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Runs(n)),
        _ => [],
    };

    public static IEnumerable<JsonObject> SubmitActions(JsonNode node) => node switch
    {
        JsonObject { } o when o["type"]?.GetValue<string>() == "Action.Submit" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : SubmitActions(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : SubmitActions(n)),
        _ => [],
    };
}
