using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBrief.Discord.Model;

/// <summary>Discord's JSON conventions: snake_case names, and absent rather than null optional fields.</summary>
internal static class DiscordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
