namespace ChatBrief.Discord.Formatting;

/// <summary>Lists that must fit one embed: whole lines only, and a count of what did not fit, so a list never ends mid-line.</summary>
internal static class LineList
{
    public static string Fit(IReadOnlyList<string> lines, int maxLength = MessageLimits.Description)
    {
        var kept = new List<string>();
        var length = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var moreNote = i + 1 < lines.Count ? $"\n... and {lines.Count - i - 1} more".Length : 0;
            if (length + lines[i].Length + 1 + moreNote > maxLength)
            {
                kept.Add($"... and {lines.Count - i} more");
                break;
            }

            kept.Add(lines[i]);
            length += lines[i].Length + 1;
        }

        return string.Join('\n', kept);
    }
}
