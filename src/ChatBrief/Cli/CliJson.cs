using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatBrief.Cli;

/// <summary>The JSON shape of docs/CONTRACTS.md: snake_case names, quotes and non-ASCII text written as they are.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
