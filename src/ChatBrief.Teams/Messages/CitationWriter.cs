using System.Text.Json.Nodes;

namespace ChatBrief.Teams.Messages;

/// <summary>
/// Writes an answer's claims as Teams citations: the message text quotes each claim followed by its <c>[n]</c> marker, and
/// one <c>https://schema.org/Message</c> entity holds a <c>Claim</c> per marker. The entity carries no
/// <c>additionalType</c>, so Teams shows no "AI generated" label: ChatBrief only quotes.
/// </summary>
internal static class CitationWriter
{
    /// <summary>Teams refuses a message with more citations than this.</summary>
    public const int MaxCitations = 20;

    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 28;

    /// <summary>The message text: each quoted sentence, markdown-escaped, then its marker (which must stay unescaped).</summary>
    public static string Text(IReadOnlyList<CitedClaim> claims) =>
        string.Join("\n\n", claims.Take(MaxCitations).Select((claim, i) => $"“{CardText.ForMarkdown(claim.Quote)}” [{i + 1}]"));

    public static JsonObject Entity(IReadOnlyList<CitedClaim> claims) => new()
    {
        ["type"] = "https://schema.org/Message",
        ["@type"] = "Message",
        ["@context"] = "https://schema.org",
        ["citation"] = new JsonArray([.. claims.Take(MaxCitations).Select((claim, i) => (JsonNode)Claim(claim, position: i + 1))]),
    };

    private static JsonObject Claim(CitedClaim claim, int position)
    {
        var appearance = new JsonObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = TextCut.Shorten(claim.Name, MaxNameLength),
            ["abstract"] = TextCut.Shorten(claim.Quote, MaxAbstractLength),
            ["keywords"] = new JsonArray([.. claim.Keywords.Take(MaxKeywords).Select(k => (JsonNode)TextCut.Shorten(k, MaxKeywordLength))]),
        };
        if (claim.Url is { } url)
        {
            appearance["url"] = url;
        }

        return new JsonObject { ["@type"] = "Claim", ["position"] = position, ["appearance"] = appearance };
    }
}
