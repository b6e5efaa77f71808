namespace ChatBrief.Teams.Messages;

/// <summary>Shortens text to a field's limit, marking the cut with "…" and never splitting a surrogate pair.</summary>
internal static class TextCut
{
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
