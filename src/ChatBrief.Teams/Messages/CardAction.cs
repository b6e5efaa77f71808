using ChatBrief.Core.Answers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBrief.Teams.Messages;

/// <summary>
/// What a card button asks for. The data round-trips through the user's client, so anyone can send any value:
/// <see cref="TryParse"/> accepts only well-formed, bounded requests.
/// </summary>
internal abstract record CardAction
{
    private const string Kind = "chatbrief";
    public const int MaxQuestionLength = 2000;
    public const int MaxSkip = 100;

    public abstract JsonObject ToJson();

    public static CardAction? TryParse(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty(Kind, out var kind))
        {
            return null;
        }

        return kind.ValueKind != JsonValueKind.String ? null : kind.GetString() switch
        {
            MoreResults.Name => MoreResults.TryRead(data),
            ShowContext.Name => ShowContext.TryRead(data),
            _ => null,
        };
    }

    /// <summary>The next page of results for a question.</summary>
    internal sealed record MoreResults(string Question, int Skip) : CardAction
    {
        public const string Name = "more";

        public override JsonObject ToJson() => new() { [Kind] = Name, ["question"] = Question, ["skip"] = Skip };

        public static MoreResults? TryRead(JsonElement data) =>
            data.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String && q.GetString() is { Length: > 0 and <= MaxQuestionLength } question
            && data.TryGetProperty("skip", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var skip) && skip is >= 0 and <= MaxSkip
                ? new MoreResults(question, skip)
                : null;
    }

    /// <summary>The paragraphs around a quoted passage.</summary>
    internal sealed record ShowContext(PassageReference Passage) : CardAction
    {
        public const string Name = "context";

        public override JsonObject ToJson() => new() { [Kind] = Name, ["source"] = Passage.Source, ["passage"] = Passage.Passage, ["fingerprint"] = Passage.Fingerprint };

        /// <summary>Reads the action back; a card sent before fingerprints existed carries none, and is looked up by number.</summary>
        public static ShowContext? TryRead(JsonElement data) =>
            data.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String && src.GetString() is { Length: > 0 and <= 1024 } source
            && data.TryGetProperty("passage", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var passage) && passage >= 1
                ? new ShowContext(new PassageReference(source, passage, Fingerprint: Fingerprint(data)))
                : null;

        private static string? Fingerprint(JsonElement data) =>
            data.TryGetProperty("fingerprint", out var f) && f.ValueKind == JsonValueKind.String && f.GetString() is { Length: > 0 and <= 64 } fingerprint ? fingerprint : null;
    }
}
