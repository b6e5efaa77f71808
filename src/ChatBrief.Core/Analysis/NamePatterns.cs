using System.Text.RegularExpressions;

namespace ChatBrief.Core.Analysis;

/// <summary>The patterns for names, acronyms and speech that vocabulary learning and speaker detection share.</summary>
internal static partial class NamePatterns
{
    /// <summary>A run of capitalised words (hyphenated parts and small connectors allowed): "Self-Defense Forces", "Free and Open Indo-Pacific".</summary>
    [GeneratedRegex(@"\b[A-Z][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}]+)*(?:\s+(?:(?:of|and|for|the|de|von|van)\s+)?[A-Z][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}]+)*)*")]
    public static partial Regex CapitalisedRun();

    /// <summary>An acronym as written: "SDF", "FOIP", "U.S.", "UN".</summary>
    [GeneratedRegex(@"\b(?:[A-Z]\.){2,}|\b[A-Z][A-Z0-9&]{1,7}\b")]
    public static partial Regex Acronym();

    /// <summary>"Long Name (ACR)" or "Long Name (ACR or “alias”)".</summary>
    [GeneratedRegex(@"\((?<acronym>[A-Z][A-Za-z0-9&]{1,8})(?:\s+or\s+[“""]?(?<alternative>[^)”""]{1,20})[”""]?)?\)")]
    public static partial Regex ParentheticalDefinition();

    /// <summary>Verbs that attribute words or a position to someone.</summary>
    public const string SpeechVerbs =
        "said|says|say|told|tells|stated|states|stressed|stresses|emphasized|emphasised|emphasizes|expressed|expresses|requested|requests|" +
        "asked|asks|added|adds|noted|notes|warned|warns|explained|explains|argued|argues|insisted|insists|urged|urges|called|calls|" +
        "announced|announces|affirmed|affirms|confirmed|confirms|highlighted|highlights|referred|refers|concluded|concludes|agreed|agrees|" +
        "claimed|claims|acknowledged|acknowledges|pledged|pledges|vowed|vows|welcomed|welcomes|praised|praises|concurred|seemed";

    /// <summary>Connector words that do not count towards an acronym's letters.</summary>
    public static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "of", "and", "for", "the", "de", "von", "van" };

    /// <summary>Words that start a capitalised run only because they start a sentence or a title.</summary>
    public static readonly HashSet<string> LeadingNoise = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "As", "For", "But", "And", "While", "When", "After",
        "Before", "During", "Under", "With", "Despite", "Speaking", "Both", "Then", "Here", "It", "Its", "If", "Or", "So",
    };

    /// <summary>Strips sentence-initial noise words from a capitalised run.</summary>
    public static string TrimLeadingNoise(string run)
    {
        var words = run.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (start < words.Length - 1 && LeadingNoise.Contains(words[start]))
        {
            start++;
        }

        return string.Join(' ', words.Skip(start));
    }

    /// <summary>The initials of a name, counting hyphenated parts and skipping connectors: "Self-Defense Forces" gives "SDF".</summary>
    public static string Initials(IEnumerable<string> words) =>
        string.Concat(words.Where(w => !Connectors.Contains(w)).SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(p => char.ToUpperInvariant(p[0])));

    /// <summary>"U.S." and "US" are one acronym.</summary>
    public static string NormalizeAcronym(string acronym) => acronym.Replace(".", "", StringComparison.Ordinal);
}
