using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBrief.Core.Passages;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// The names a source uses, learnt when it is indexed and stored with it: acronyms it defines ("Security Consultative
/// Committee (SCC or “2+2”)"), acronyms it uses, and its frequent multi-word names. Aliases and suggestions are built from
/// the union over all sources, so an update re-learns only the files that changed.
/// </summary>
public sealed record SourceVocabulary(
    IReadOnlyList<string[]> Definitions,
    IReadOnlyList<string> Acronyms,
    IReadOnlyDictionary<string, int> Names)
{
    // Bounded so that a huge source cannot bloat its stored vocabulary.
    private const int MaxNames = 200;
    private const int MaxAcronyms = 200;

    public static SourceVocabulary Empty { get; } = new([], [], new Dictionary<string, int>());

    public static SourceVocabulary Learn(IEnumerable<Passage> passages)
    {
        var definitions = new List<string[]>();
        var acronyms = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            definitions.AddRange(FindDefinitions(passage.Text));
            foreach (var match in NamePatterns.Acronym().Matches(passage.Text).Cast<System.Text.RegularExpressions.Match>())
            {
                var acronym = NamePatterns.NormalizeAcronym(match.Value);
                acronyms[acronym] = acronyms.GetValueOrDefault(acronym) + 1;
            }

            foreach (var match in NamePatterns.CapitalisedRun().Matches(passage.Text).Cast<System.Text.RegularExpressions.Match>())
            {
                var name = NamePatterns.TrimLeadingNoise(match.Value);
                if (name.Contains(' ') || name.Contains('-'))
                {
                    names[name] = names.GetValueOrDefault(name) + 1;
                }
            }
        }

        return new SourceVocabulary(
            definitions.DistinctBy(d => string.Join('|', d)).ToList(),
            acronyms.OrderByDescending(a => a.Value).Take(MaxAcronyms).Select(a => a.Key).ToList(),
            names.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).Take(MaxNames).ToDictionary(n => n.Key, n => n.Value));
    }

    public string Serialize() => JsonSerializer.Serialize(this, VocabularyJsonContext.Default.SourceVocabulary);

    public static SourceVocabulary Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize(json, VocabularyJsonContext.Default.SourceVocabulary) ?? Empty;
        }
        catch (JsonException)
        {
            // A damaged entry costs its aliases, never the index.
            return Empty;
        }
    }

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

[JsonSerializable(typeof(SourceVocabulary))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
