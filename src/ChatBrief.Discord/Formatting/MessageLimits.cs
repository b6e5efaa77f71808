using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Formatting;

/// <summary>
/// Discord's message limits. Lengths are counted in UTF-16 code units, which is never less than Discord's count in
/// characters, so a message within these limits is always accepted.
/// </summary>
internal static class MessageLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int EmbedsTotal = 6000;
    public const int ButtonsPerRow = 5;
    public const int Rows = 5;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;
    public const int AutocompleteChoices = 25;
    public const int ChoiceText = 100;

    /// <summary>What an embed counts towards the 6000 characters a message's embeds may hold together.</summary>
    public static int CountedLength(Embed embed) =>
        (embed.Title?.Length ?? 0)
        + (embed.Description?.Length ?? 0)
        + (embed.Footer?.Text.Length ?? 0)
        + (embed.Fields?.Sum(field => field.Name.Length + field.Value.Length) ?? 0);

    /// <exception cref="InvalidOperationException">The message breaks a limit; the message says which.</exception>
    public static void EnsureWithin(OutgoingMessage message)
    {
        Require(message.Content.Length <= Content, "content is longer than 2000 characters");
        Require(message.Content.Length > 0 || message.Embeds.Count > 0, "a message needs content or an embed");
        Require(message.Embeds.Count <= EmbedsPerMessage, "more than 10 embeds");
        Require(message.Embeds.Sum(CountedLength) <= EmbedsTotal, "embeds hold more than 6000 characters together");
        foreach (var embed in message.Embeds)
        {
            Require((embed.Title?.Length ?? 0) <= Title, "an embed title is longer than 256 characters");
            Require((embed.Description?.Length ?? 0) <= Description, "an embed description is longer than 4096 characters");
            Require((embed.Footer?.Text.Length ?? 0) <= FooterText, "an embed footer is longer than 2048 characters");
            Require((embed.Fields?.Count ?? 0) <= Fields, "an embed has more than 25 fields");
            foreach (var field in embed.Fields ?? [])
            {
                Require(field.Name.Trim().Length is > 0 and <= FieldName, "a field name is empty or longer than 256 characters");
                Require(field.Value.Trim().Length is > 0 && field.Value.Length <= FieldValue, "a field value is empty or longer than 1024 characters");
            }
        }

        Require(message.Components.Count <= Rows, "more than 5 rows of buttons");
        foreach (var row in message.Components)
        {
            Require(row.Components.Count is > 0 and <= ButtonsPerRow, "a row holds no button or more than 5");
            foreach (var button in row.Components)
            {
                Require(button.Label.Length is > 0 and <= ButtonLabel, "a button label is empty or longer than 80 characters");
                Require(button.CustomId.Length is > 0 and <= CustomId, "a button custom_id is empty or longer than 100 characters");
            }
        }

        var customIds = message.Components.SelectMany(row => row.Components).Select(button => button.CustomId).ToList();
        Require(customIds.Distinct(StringComparer.Ordinal).Count() == customIds.Count, "two buttons share a custom_id");
    }

    private static void Require(bool condition, string broken)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Discord would refuse this message: {broken}.");
        }
    }
}
