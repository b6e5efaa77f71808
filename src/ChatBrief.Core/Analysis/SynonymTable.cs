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
        // The whole list is analysed in one pass, not word by word: a token stream per word would cost a second at start.
        var text = lines.ReadToEnd();
        var terms = SingleTerms(text, analyzer);
        var synonyms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Link(string a, string b)
        {
            if (!synonyms.TryGetValue(a, out var set))
            {
                synonyms[a] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(b);
        }

        var lineStart = 0;
        foreach (var line in text.Split('\n'))
        {
            var tab = line.IndexOf('\t');
            if (tab > 0 && terms.TryGetValue(lineStart, out var word))
            {
                var offset = lineStart + tab + 1;
                foreach (var other in line[(tab + 1)..].Split(' '))
                {
                    if (terms.TryGetValue(offset, out var synonym) && synonym != word)
                    {
                        Link(word, synonym);
                        Link(synonym, word);
                    }

                    offset += other.Length + 1;
                }
            }

            lineStart += line.Length + 1;
        }

        return new SynonymTable(synonyms);
    }

    /// <summary>The term of each whitespace-separated word that analyses to exactly one term, by the word's start offset.</summary>
    private static Dictionary<int, string> SingleTerms(string text, Analyzer analyzer)
    {
        var tokensByWord = new Dictionary<int, List<string>>();
        var wordStart = 0;
        var scanned = 0;
        foreach (var token in analyzer.Tokenize(Indexing.IndexSchema.Text, text))
        {
            for (; scanned <= token.StartOffset && scanned < text.Length; scanned++)
            {
                if (scanned == 0 || char.IsWhiteSpace(text[scanned - 1]))
                {
                    wordStart = scanned;
                }
            }

            if (!tokensByWord.TryGetValue(wordStart, out var tokens))
            {
                tokensByWord[wordStart] = tokens = [];
            }

            tokens.Add(token.Term);
        }

        return tokensByWord.Where(w => w.Value.Count == 1).ToDictionary(w => w.Key, w => w.Value[0]);
    }

    public IReadOnlySet<string> For(string term) => _synonyms.TryGetValue(term, out var set) ? set : None;
}
