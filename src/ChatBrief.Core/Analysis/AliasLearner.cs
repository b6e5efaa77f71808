using ChatBrief.Core.Indexing;
using Lucene.Net.Analysis;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// Builds the alias table from what the sources taught (explicit definitions, and acronyms whose letters are the initials
/// of a name the sources use), from the moderators' aliases file, and from the English acronyms that WordNet knows
/// ("GPS" for "global positioning system", see <c>Lexicon/README.md</c>), merging groups that share a spelling. One learner
/// serves a process: the English acronyms are read and analysed once, not at every refresh of the index.
/// </summary>
public sealed class AliasLearner(Analyzer analyzer)
{
    /// <summary>The moderators' file of aliases at the root of the sources folder: one group a line, spellings separated by '='.</summary>
    public const string AliasesFileName = "aliases.txt";

    private const string EnglishAcronymsResource = "ChatBrief.Core.Analysis.Lexicon.wordnet-acronyms.txt";

    private readonly Lazy<List<(List<string> Group, string[][] Terms)>> _englishAcronyms = new(() =>
    {
        using var stream = typeof(AliasLearner).Assembly.GetManifestResourceStream(EnglishAcronymsResource)
            ?? throw new InvalidOperationException($"The acronym list '{EnglishAcronymsResource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return ParseAliasLines(reader.ReadToEnd().Split('\n'))
            .Select(group => (group, group.Select(spelling => analyzer.Tokenize(IndexSchema.Text, spelling).Select(t => t.Term).ToArray()).ToArray()))
            .ToList();
    });

    /// <param name="vocabularies">What each source taught.</param>
    /// <param name="aliasesFile">The moderators' aliases file, if any.</param>
    /// <param name="sourcesUse">Whether any passage contains a term: an English acronym is only worth knowing when the
    /// sources use one of its spellings.</param>
    public AliasTable Build(IReadOnlyCollection<SourceVocabulary> vocabularies, string? aliasesFile, Func<string, bool> sourcesUse)
    {
        var groups = new List<List<string>>();
        groups.AddRange(vocabularies.SelectMany(v => v.Definitions).Select(d => d.ToList()));
        groups.AddRange(InitialsMatches(vocabularies));
        groups.AddRange(ReadAliasesFile(aliasesFile));
        groups.AddRange(_englishAcronyms.Value
            .Where(acronym => acronym.Terms.Any(terms => terms.Length > 0 && terms.All(sourcesUse)))
            .Select(acronym => acronym.Group));

        var merged = Merge(groups);
        var table = merged
            .Select(group => group
                .Select(spelling => analyzer.Tokenize(IndexSchema.Text, spelling).Select(t => t.Term).ToArray())
                .Where(terms => terms.Length > 0)
                .DistinctBy(terms => string.Join(' ', terms))
                .ToList())
            .Where(group => group.Count > 1)
            .Select(group => (IReadOnlyList<string[]>)group)
            .ToList();
        return new AliasTable(table);
    }

    /// <summary>"SDF" with "Self-Defense Forces", "US" with "United States": the most used name whose initials spell an acronym in use.</summary>
    private static IEnumerable<List<string>> InitialsMatches(IReadOnlyCollection<SourceVocabulary> vocabularies)
    {
        var acronyms = vocabularies.SelectMany(v => v.Acronyms).Where(a => a.Length >= 2).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, count) in vocabularies.SelectMany(v => v.Names))
        {
            names[name] = names.GetValueOrDefault(name) + count;
        }

        return names
            .Select(n => (Name: n.Key, n.Value, Initials: NamePatterns.Initials(n.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            .Where(n => n.Initials.Length >= 2 && acronyms.Contains(n.Initials))
            .GroupBy(n => n.Initials)
            .Select(g => new List<string> { g.Key, g.OrderByDescending(n => n.Value).ThenBy(n => n.Name, StringComparer.Ordinal).First().Name });
    }

    private static IEnumerable<List<string>> ReadAliasesFile(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        return ParseAliasLines(File.ReadLines(path));
    }

    private static IEnumerable<List<string>> ParseAliasLines(IEnumerable<string> lines)
    {
        return lines
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList())
            .Where(spellings => spellings.Count > 1);
    }

    private static List<List<string>> Merge(List<List<string>> groups)
    {
        var merged = new List<HashSet<string>>();
        foreach (var group in groups)
        {
            var set = new HashSet<string>(group, StringComparer.OrdinalIgnoreCase);
            foreach (var overlapping in merged.Where(m => m.Overlaps(set)).ToList())
            {
                set.UnionWith(overlapping);
                merged.Remove(overlapping);
            }

            merged.Add(set);
        }

        return merged.Select(s => s.ToList()).ToList();
    }
}
