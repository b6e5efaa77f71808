namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>
/// Reads the simple <c>key: value</c> lines of a YAML front matter block. Only flat scalar fields are needed for
/// citations, so a YAML library (and its surprises with dates and booleans) is not worth its weight.
/// </summary>
internal static class FrontMatter
{
    public static ExplicitMetadata Parse(IEnumerable<string> lines)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var value = Unquote(line[(colon + 1)..].Trim());
            pairs.Add(new(line[..colon], value));
        }

        return ExplicitMetadata.FromPairs(pairs);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
