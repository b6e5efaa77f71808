using Lucene.Net.Analysis;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// English words that can stand for one another ("beat" and "defeat", "won" and "win"), as analysed terms, so that a
/// question worded differently from its source still finds the words that answer it. The list is derived from WordNet
/// (see <c>Lexicon/README.md</c>); a pair counts both ways.
/// </summary>
public sealed class SynonymTable
{
    private const string Resource = "ChatBrief.Core.Analysis.Lexicon.wordnet-synonyms.tsv";

    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private static readonly Lazy<SynonymTable> English = new(() =>
    {
        using var stream = typeof(SynonymTable).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The synonym list '{Resource}' is missing from the assembly.");
        using var analyzer = new ChatBriefAnalyzer();
        return Read(new StreamReader(stream), analyzer);
    });

    private readonly Dictionary<string, HashSet<string>> _synonyms;

    private SynonymTable(Dictionary<string, HashSet<string>> synonyms) => _synonyms = synonyms;

    /// <summary>The built-in English table, analysed with <see cref="ChatBriefAnalyzer"/>: loaded once, on first use.</summary>
    public static SynonymTable Shared => English.Value;

    /// <summary>Reads lines of <c>word TAB synonym synonym…</c>, keeping the words that analyse to a single term.</summary>
    public static SynonymTable Read(TextReader lines, Analyzer analyzer)
    {
        var synonyms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Link(string a, string b)
        {
            if (!synonyms.TryGetValue(a, out var set))
            {
                synonyms[a] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(b);
        }

        while (lines.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length != 2 || SingleTerm(analyzer, fields[0]) is not { } word)
            {
                continue;
            }

            foreach (var other in fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (SingleTerm(analyzer, other) is { } synonym && synonym != word)
                {
                    Link(word, synonym);
                    Link(synonym, word);
                }
            }
        }

        return new SynonymTable(synonyms);
    }

    public IReadOnlySet<string> For(string term) => _synonyms.TryGetValue(term, out var set) ? set : None;

    private static string? SingleTerm(Analyzer analyzer, string word)
    {
        var tokens = analyzer.Tokenize(Indexing.IndexSchema.Text, word);
        return tokens.Count == 1 ? tokens[0].Term : null;
    }
}
