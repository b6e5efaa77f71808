using System.Text.RegularExpressions;

namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>
/// Finds the author in a bio paragraph ("Kate Polit is MeriTalk's Assistant Copy &amp; Production Editor covering ...",
/// "Brad Glosserman (brad@...) is deputy director of ..."). The paragraph stays a passage; only the name is taken.
/// </summary>
internal static partial class AuthorBioDetector
{
    private const int MaxBioLength = 600;

    private static readonly HashSet<string> NotNameStarts =
        new(StringComparer.Ordinal) { "The", "This", "That", "These", "Those", "A", "An", "It", "Our", "His", "Her", "Their", "Its", "Both", "Each" };

    public static bool TryRead(string paragraph, out string author)
    {
        author = string.Empty;
        if (paragraph.Length > MaxBioLength)
        {
            return false;
        }

        var match = BioPattern().Match(paragraph);
        if (!match.Success || NotNameStarts.Contains(match.Groups["first"].Value) || !RoleWords().IsMatch(paragraph))
        {
            return false;
        }

        author = match.Groups["name"].Value;
        return true;
    }

    // Two to four capitalised words (with name particles such as "van" or "de" between them), an optional parenthesis
    // (an e-mail address, a handle), then a biographical verb.
    [GeneratedRegex(@"^(?<name>(?<first>\p{Lu}[\p{L}'’.-]+)(?:(?:\s+(?:van|von|de|da|del|der|di|du|la|le|bin|al))*\s+\p{Lu}[\p{L}'’.-]*){1,3})\s+(?:\([^)]*\)\s+)?(?:is|was|has been|serves as|writes|covers|reports)\b")]
    private static partial Regex BioPattern();

    // A job or a beat is what tells a bio from an ordinary sentence that starts with a name.
    [GeneratedRegex(@"\b(?:editor|writer|reporter|correspondent|journalist|director|professor|fellow|author|analyst|advis[eo]r|columnist|contributor|researcher|lecturer|scholar|founder|consultant|cover(?:s|ing)|writes|staff)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoleWords();
}
