using System.Text.Json;

namespace ChatBrief.Teams.MessageExtension;

/// <summary>
/// The value of a <c>composeExtension/query</c> invoke: what the person typed in the message extension's search box,
/// and which page of results Teams wants. Anyone can send anything, so only bounded values are accepted.
/// </summary>
internal sealed record SearchQuery(string Text, int Skip, int Count)
{
    public const string InvokeName = "composeExtension/query";

    /// <summary>The command's id and its parameter's name, as the app manifest declares them.</summary>
    public const string CommandId = "searchSources";
    public const string ParameterName = "question";

    public const int MaxTextLength = 2000;
    public const int MaxSkip = 100;
    public const int MaxCount = 10;

    /// <summary>The query, with empty text when none was typed; null when the value is not a query of this extension.</summary>
    public static SearchQuery? TryRead(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("commandId", out var command) || command.ValueKind != JsonValueKind.String || command.GetString() != CommandId)
        {
            return null;
        }

        var text = Parameter(data)?.Trim() ?? "";
        if (text.Length > MaxTextLength)
        {
            return null;
        }

        var options = data.TryGetProperty("queryOptions", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        return new SearchQuery(text, Option(options, "skip", 0, 0, MaxSkip), Option(options, "count", MaxCount, 1, MaxCount));
    }

    private static string? Parameter(JsonElement data) =>
        data.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array
            ? parameters.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == ParameterName)
                .Select(p => p.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .FirstOrDefault()
            : null;

    private static int Option(JsonElement options, string name, int fallback, int min, int max) =>
        options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? Math.Clamp(number, min, max)
            : fallback;
}
