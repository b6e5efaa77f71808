using System.Text.RegularExpressions;
using ChatBrief.Core.Passages;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// Learns a <see cref="SourceVocabulary"/> a passage at a time, so that a corpus need not be held whole; learners of
/// consecutive runs of passages, filled on several threads, add up in order to what one learner of them all finds.
/// </summary>
public sealed class SourceVocabularyLearner
{
    // Bounded so that a huge source cannot bloat its stored vocabulary.
    private const int MaxNames = 200;
    private const int MaxAcronyms = 200;

    private readonly List<string[]> _definitions = [];

    // Counted in order of first appearance, which breaks ties between equal counts as one pass over the text would.
    private readonly Dictionary<string, int> _acronyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    public void Add(Passage passage)
    {
        _definitions.AddRange(FindDefinitions(passage.Text));
        foreach (Match match in NamePatterns.Acronym().Matches(passage.Text))
        {
            var acronym = NamePatterns.NormalizeAcronym(match.Value);
            _acronyms[acronym] = _acronyms.GetValueOrDefault(acronym) + 1;
        }

        foreach (Match match in NamePatterns.CapitalisedRun().Matches(passage.Text))
        {
            var name = NamePatterns.TrimLeadingNoise(match.Value);
            if (name.Contains(' ') || name.Contains('-'))
            {
                _names[name] = _names.GetValueOrDefault(name) + 1;
            }
        }
    }

    /// <summary>Adds what a learner of the passages that follow this one's found.</summary>
    public void Add(SourceVocabularyLearner following)
    {
        _definitions.AddRange(following._definitions);
        foreach (var (acronym, count) in following._acronyms)
        {
            _acronyms[acronym] = _acronyms.GetValueOrDefault(acronym) + count;
        }

        foreach (var (name, count) in following._names)
        {
            _names[name] = _names.GetValueOrDefault(name) + count;
        }
    }

    public SourceVocabulary Build() => new(
        _definitions.DistinctBy(d => string.Join('|', d)).ToList(),
        _acronyms.OrderByDescending(a => a.Value).Take(MaxAcronyms).Select(a => a.Key).ToList(),
        _names.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).Take(MaxNames).ToDictionary(n => n.Key, n => n.Value));

    /// <summary>"Long Name (ACR or “alt”)": the acronym, the words before it whose initials spell it, and the alternative.</summary>
    private static IEnumerable<string[]> FindDefinitions(string text)
    {
        foreach (var match in NamePatterns.ParentheticalDefinition().Matches(text).Cast<System.Text.RegularExpressions.Match>())
        {
            var acronym = match.Groups["acronym"].Value;
            var before = text[..match.Index].TrimEnd();
            var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var letters = acronym.Count(char.IsUpper);
            for (var take = 1; take <= Math.Min(words.Length, letters + 3); take++)
            {
                var candidate = words[^take..];
                if (!char.IsUpper(candidate[0][0]) || NamePatterns.Connectors.Contains(candidate[0]))
                {
                    continue;
                }

                if (NamePatterns.Initials(candidate) == new string(acronym.Where(char.IsUpper).ToArray()))
                {
                    var spellings = new List<string> { acronym, string.Join(' ', candidate) };
                    if (match.Groups["alternative"].Success)
                    {
                        spellings.Add(match.Groups["alternative"].Value.Trim());
                    }

                    yield return spellings.ToArray();
                    break;
                }
            }
        }
    }
}
