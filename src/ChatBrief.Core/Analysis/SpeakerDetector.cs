using System.Buffers;
using System.Text.RegularExpressions;
using ChatBrief.Core.Passages;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// Finds who speaks or takes a position in a passage, so that "what did Iwaya say" prefers the passages where Iwaya is
/// the one speaking over those that merely name him: a name before a speech verb ("Takeshi Iwaya requested"), after one
/// ("said Pompeo"), "according to" a name, and "he said" referring back to the last named speaker of the passage.
/// </summary>
public static partial class SpeakerDetector
{
    private static readonly Regex NameThenVerb = new(
        $@"(?<name>{NamePatterns.CapitalisedRun()})\s*,?\s+(?:(?:also|then|later|again|further|both|had|has|have|was|were|is|who)\s+)?(?:{NamePatterns.SpeechVerbs})\b",
        RegexOptions.Compiled);

    private static readonly Regex VerbThenName = new(
        $@"\b(?i:said|says|told|added|stressed|noted|according\s+to)\s+(?<name>{NamePatterns.CapitalisedRun()})",
        RegexOptions.Compiled);

    private static readonly Regex PronounThenVerb = new(
        $@"\b(?:he|she)\s+(?:also\s+)?(?:{NamePatterns.SpeechVerbs})\b",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    // Every pattern needs a speech verb, and most passages have none: looking for the verbs first is far cheaper than
    // trying each capitalised run against the patterns. Case-insensitive matching also lets the Kelvin sign match "k",
    // the long s match "s" and the Turkish dotted and dotless i match "i"; a text with one of those goes to the patterns.
    private static readonly SearchValues<string> SpeechVerbs = SearchValues.Create(NamePatterns.SpeechVerbs.Split('|'), StringComparison.Ordinal);
    private static readonly SearchValues<string> SpeechVerbsAnyCase = SearchValues.Create([.. NamePatterns.SpeechVerbs.Split('|'), "according"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<char> CaseLookalikes = SearchValues.Create("\u212A\u017F\u0130\u0131");

    public static IReadOnlyCollection<string> Detect(Passage passage)
    {
        var text = passage.Text.AsSpan();
        var anyCase = text.ContainsAny(SpeechVerbsAnyCase) || text.ContainsAny(CaseLookalikes);
        if (!anyCase)
        {
            return [];
        }

        var mentions = new List<(int Position, string Name)>();
        if (text.ContainsAny(SpeechVerbs))
        {
            foreach (Match match in NameThenVerb.Matches(passage.Text))
            {
                AddName(mentions, match.Groups["name"]);
            }
        }

        foreach (Match match in VerbThenName.Matches(passage.Text))
        {
            AddName(mentions, match.Groups["name"]);
        }

        if (mentions.Count == 0)
        {
            return [];
        }

        foreach (Match match in PronounThenVerb.Matches(passage.Text))
        {
            var antecedent = mentions.Where(m => m.Position < match.Index).OrderByDescending(m => m.Position).FirstOrDefault();
            if (antecedent.Name is not null)
            {
                mentions.Add((match.Index, antecedent.Name));
            }
        }

        return mentions.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddName(List<(int Position, string Name)> mentions, Group name)
    {
        var trimmed = NamePatterns.TrimLeadingNoise(name.Value);
        if (!NamePatterns.LeadingNoise.Contains(trimmed))
        {
            mentions.Add((name.Index, trimmed));
        }
    }
}
