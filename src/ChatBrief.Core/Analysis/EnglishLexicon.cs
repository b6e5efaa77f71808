using Lucene.Net.Analysis;
using Lucene.Net.Util.Automaton;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// The English words, as analysed terms, and which of them can stand for one another ("beat" and "defeat", "won" and
/// "win"): synonyms let a question worded differently from its source still find the words that answer it, and knowing
/// the words tells a typing slip from a word the sources merely never use. The list is derived from WordNet (see
/// <c>Lexicon/README.md</c>); a synonym pair counts both ways.
/// </summary>
public sealed class EnglishLexicon
{
    private const string Resource = "ChatBrief.Core.Analysis.Lexicon.wordnet-lexicon.tsv";

    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private static readonly Lazy<EnglishLexicon> English = new(() =>
    {
        // Analysing 150,000 words costs about a second of CPU, which every cold `ask` would pay; the result depends only
        // on this build of the code, so it is kept in the user's cache folder under the build's module version id.
        var cache = CacheFile();
        if (cache is not null && TryReadCache(cache) is { } cached)
        {
            return cached;
        }

        using var stream = typeof(EnglishLexicon).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The word list '{Resource}' is missing from the assembly.");
        using var analyzer = new ChatBriefAnalyzer();
        var lexicon = Read(new StreamReader(stream), analyzer);
        if (cache is not null)
        {
            lexicon.TryWriteCache(cache);
        }

        return lexicon;
    });

    private readonly HashSet<string> _words;
    private readonly Dictionary<string, HashSet<string>> _synonyms;
    private readonly ILookup<char, string> _spellingsByInitial;

    private EnglishLexicon(HashSet<string> words, Dictionary<string, HashSet<string>> synonyms, IEnumerable<string> spellings)
    {
        _words = words;
        _synonyms = synonyms;
        _spellingsByInitial = spellings.ToLookup(spelling => spelling[0]);
    }

    /// <summary>The built-in English table, analysed with <see cref="ChatBriefAnalyzer"/>: loaded once, on first use.</summary>
    public static EnglishLexicon Shared => English.Value;

    /// <summary>Reads lines of <c>word TAB synonym synonym…</c> (synonyms may be none), keeping the words that analyse to a single term.</summary>
    public static EnglishLexicon Read(TextReader lines, Analyzer analyzer)
    {
        // The whole list is analysed in one pass, not word by word: a token stream per word would cost a second at start.
        var text = lines.ReadToEnd();
        var terms = SingleTerms(text, analyzer);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var spellings = new List<string>();
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
                words.Add(word);
                spellings.Add(line[..tab].ToLowerInvariant());
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

        return new EnglishLexicon(words, synonyms, spellings);
    }

    private static string? CacheFile()
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var build = typeof(EnglishLexicon).Assembly.ManifestModule.ModuleVersionId;
        return folder.Length == 0 ? null : Path.Combine(folder, "ChatBrief", "cache", $"english-lexicon-{build:N}.tsv");
    }

    /// <summary>
    /// The cached lexicon: a line per term (<c>term TAB w|s TAB synonym…</c>), a blank line, then the spellings. Null
    /// when there is none or it cannot be read, so that the list is analysed again.
    /// </summary>
    internal static EnglishLexicon? TryReadCache(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var words = new HashSet<string>(StringComparer.Ordinal);
            var synonyms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var spellings = new List<string>();
            var inSpellings = false;
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    inSpellings = true;
                }
                else if (inSpellings)
                {
                    spellings.Add(line);
                }
                else
                {
                    var fields = line.Split('\t');
                    if (fields.Length != 3)
                    {
                        return null;
                    }

                    if (fields[1] == "w")
                    {
                        words.Add(fields[0]);
                    }

                    if (fields[2].Length > 0)
                    {
                        synonyms[fields[0]] = new HashSet<string>(fields[2].Split(' '), StringComparer.Ordinal);
                    }
                }
            }

            return inSpellings && words.Count > 0 ? new EnglishLexicon(words, synonyms, spellings) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal void TryWriteCache(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // "w" marks an English word; a term that is only some word's synonym has "s".
            var lines = _words.Union(_synonyms.Keys)
                .Select(term => $"{term}\t{(_words.Contains(term) ? "w" : "s")}\t{(_synonyms.TryGetValue(term, out var set) ? string.Join(' ', set) : "")}")
                .Append("")
                .Concat(_spellingsByInitial.SelectMany(group => group));
            // Written aside and moved into place, so that a process reading it never sees half a file.
            var partial = $"{path}.{Environment.ProcessId}.partial";
            File.WriteAllLines(partial, lines);
            File.Move(partial, path, overwrite: true);
            // Other builds' lists are left by upgrades; one of them still in use only costs its process a new analysis.
            foreach (var old in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "english-lexicon-*.tsv").Where(file => file != path))
            {
                File.Delete(old);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a cache the next process analyses the list again; nothing is lost.
        }
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

    /// <summary>True when the term is an English word (or a form of one), not a name or a slip.</summary>
    public bool Contains(string term) => _words.Contains(term);

    /// <summary>
    /// The English words as written (not analysed) that are fewest edits from <paramref name="word"/>, at most
    /// <paramref name="maxEdits"/> (a swap of two letters is one), and that start with its letter.
    /// </summary>
    public IReadOnlyList<string> ClosestSpellings(string word, int maxEdits)
    {
        word = word.ToLowerInvariant();
        if (word.Length == 0)
        {
            return [];
        }

        var candidates = _spellingsByInitial[word[0]];
        for (var edits = 1; edits <= maxEdits; edits++)
        {
            var within = new CharacterRunAutomaton(new LevenshteinAutomata(word, withTranspositions: true).ToAutomaton(edits));
            var found = candidates.Where(c => Math.Abs(c.Length - word.Length) <= edits && within.Run(c)).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        return [];
    }

    public IReadOnlySet<string> SynonymsOf(string term) => _synonyms.TryGetValue(term, out var set) ? set : None;
}
