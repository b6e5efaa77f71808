using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBrief.Core.Search;

/// <summary>
/// Turns a question into weighted content terms with the index's own analyzer. The user's text is never parsed as query
/// syntax, so quotes, dashes, colons, operators or wildcards are just words.
/// </summary>
public sealed partial class QuestionParser
{
    // Interrogatives and verbs of asking: they say what kind of answer is wanted, not what it is about.
    private static readonly string[] QuestionWords =
    [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "do", "does", "done", "is", "are", "was",
        "were", "am", "been", "being", "can", "could", "would", "should", "shall", "may", "might", "must", "has", "have", "had",
        "say", "said", "says", "saying", "tell", "told", "about", "mention", "mentioned", "describe", "described", "according",
        "many", "much", "kind", "type", "you", "your", "me", "i", "we", "our", "please", "anything", "something", "between",
        "happen", "happened", "happens", "mean", "means", "meant", "meaning", "talk", "talked", "discuss", "discussed",
        "explain", "explained", "know", "known",

        // Function words the index's short stop list keeps ("defending against cyberattacks" is answered by "defending the
        // country from cyberattacks"): as question terms they are rare yet say nothing of the topic.
        "against", "from", "after", "before", "over", "under", "through", "during", "within", "without", "across", "among",
        "around", "upon", "toward", "towards", "onto", "than", "regarding", "concerning", "re", "wrt", "its", "his", "her",
        "hers", "he", "she", "him", "them", "those", "some", "any", "each", "every", "other", "another", "also", "very", "just",
        "so", "too", "there", "here", "anyone", "anybody", "someone", "somebody", "everyone", "everybody",

        // What is left of contractions once the apostrophe splits them ("they're" gives "re" and "theyre", "don't" gives
        // "don", "t" and "dont"), and the same words typed without it, as chat often does.
        "im", "m", "ive", "ve", "ll", "d", "s", "t", "n", "theyre", "youre", "itd", "theyd", "youd", "itll", "theyll",
        "youll", "theyve", "youve", "weve", "whats", "whos", "thats", "theres", "wheres", "hows", "whens", "whys", "isnt",
        "isn", "arent", "aren", "wasnt", "wasn", "werent", "weren", "dont", "don", "doesnt", "doesn", "didnt", "didn",
        "cant", "couldnt", "couldn", "wouldnt", "wouldn", "shouldnt", "shouldn", "havent", "haven", "hasnt", "hasn",
        "hadnt", "hadn", "aint", "ain",

        // Chat shorthand for the words above: without it "what r they gonna do abt cyber attacks" searches for "abt".
        "u", "ur", "r", "abt", "wat", "wut", "gonna", "wanna", "gotta", "pls", "plz", "thx", "btw", "fyi", "idk", "lol",
        "tl", "dr", "tldr",

        // Placeholder nouns, which stand for the topic instead of naming it ("the cyber stuff", "f35 crash details").
        "stuff", "thing", "things", "detail", "details", "info",
    ];

    // Words that ask who wrote something: the answer is a byline, so they steer to the author field instead of being searched.
    private static readonly string[] AuthorWords = ["wrote", "write", "writes", "written", "writer", "author", "authored", "byline"];

    // Words that ask what a name means ("What does SDF stand for?"); elsewhere "stand" may be the topic ("Japan's stand on…").
    private static readonly string[] DefinitionWords = ["stand", "stands", "define", "definition", "meaning"];

    // Verbs that ask what a person said or did: they turn on speaker attribution.
    // The speech verbs speaker detection uses, plus words that ask for a stance rather than words.
    private static readonly string[] SpeakerVerbs =
        [.. NamePatterns.SpeechVerbs.Split('|'), "think", "thought", "view", "position", "comment", "remark", "quote", "quotes", "quoted"];

    private readonly Analyzer _analyzer;
    private readonly SpellingCorrector _corrector;
    private readonly HashSet<string> _questionTerms;
    private readonly HashSet<string> _speakerTerms;
    private readonly HashSet<string> _authorTerms;
    private readonly HashSet<string> _definitionTerms;

    public QuestionParser(Analyzer analyzer)
    {
        _analyzer = analyzer;
        _questionTerms = AnalyzeAll(QuestionWords);
        _speakerTerms = AnalyzeAll(SpeakerVerbs);
        _authorTerms = AnalyzeAll(AuthorWords);
        _definitionTerms = AnalyzeAll(DefinitionWords);
        _corrector = new SpellingCorrector(analyzer, _questionTerms.Concat(_speakerTerms).Concat(_authorTerms).ToHashSet(StringComparer.Ordinal));
    }

    public ParsedQuestion Parse(string question, int maxLength, IndexSearcher searcher, AliasTable aliases)
    {
        var (text, shortened) = Searched(question, maxLength);
        var reader = searcher.IndexReader;

        var capitalsMarkNames = CapitalsMarkNames(text);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        int DocumentFrequency(string term) =>
            frequencies.TryGetValue(term, out var known) ? known : frequencies[term] = reader.DocFreq(new Term(IndexSchema.Text, term));

        // Slips are corrected before anything reads the words, so that "wroet" still asks for an author.
        var typed = _analyzer.Tokenize(IndexSchema.Text, text);
        var nameStarts = typed.Where(t => capitalsMarkNames && IsNamePart(text, t)).Select(t => t.StartOffset).ToHashSet();
        var all = typed.ConvertAll(t =>
            DocumentFrequency(t.Term) == 0
            && _corrector.Correct(reader, t.Term, text[t.StartOffset..t.EndOffset], looksLikeName: nameStarts.Contains(t.StartOffset)) is { } meant
                ? t with { Term = meant }
                : t);
        var asksForSpeaker = all.Any(t => _speakerTerms.Contains(t.Term));
        var asksForAuthor = all.Any(t => _authorTerms.Contains(t.Term));
        var preamble = RequestPreamble().Match(text).Length;
        var asksForDefinition = DefinitionQuestion().IsMatch(text[preamble..]);
        var content = all
            .Where(t => t.StartOffset >= preamble)
            .Where(t => nameStarts.Contains(t.StartOffset)
                || (!_questionTerms.Contains(t.Term) && !_authorTerms.Contains(t.Term) && !(asksForDefinition && _definitionTerms.Contains(t.Term))))
            .ToList();
        // A question made only of question and chat words ("what is it?", "u there?") names nothing the sources could
        // answer; it still searches with those words, for the closest matches it shows. "Who wrote this?" asks for a byline.
        var namesNothing = content.Count == 0 && !asksForAuthor;
        if (content.Count == 0 && all.Count > 0)
        {
            content = all;
        }

        var passages = Math.Max(1, reader.DocFreq(new Term(IndexSchema.Kind, IndexSchema.PassageKind)));
        var terms = new Dictionary<string, QueryTerm>(StringComparer.Ordinal);
        var words = new List<string[]>();
        foreach (var word in content.GroupBy(t => WordIndex(text, t.StartOffset)))
        {
            // "F-35A" yields f, 35 and f35a: the word's weight is shared by its terms so one word cannot outweigh the rest.
            var wordTerms = word.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
            words.Add([.. wordTerms]);
            foreach (var term in wordTerms)
            {
                var df = DocumentFrequency(term);
                var weight = InverseDocumentFrequency(df, passages) / wordTerms.Count;
                if (!terms.TryGetValue(term, out var known) || known.Weight < weight)
                {
                    terms[term] = new QueryTerm(term, weight, df, EnglishLexicon.Shared.SynonymsOf(term));
                }
            }
        }

        var ordered = terms.Values.OrderByDescending(t => t.Weight).ToList();
        var names = content
            .Where(t => nameStarts.Contains(t.StartOffset))
            .Select(t => t.Term)
            .ToHashSet(StringComparer.Ordinal);
        var searched = content.ToHashSet();
        var corrections = all.Zip(typed)
            .Where(pair => pair.First.Term != pair.Second.Term && searched.Contains(pair.First))
            .Select(pair => new SpellingCorrection(text[pair.Second.StartOffset..pair.Second.EndOffset], pair.First.Term))
            .DistinctBy(correction => correction.Term)
            .ToList();
        return new ParsedQuestion(text, shortened, ordered, words, content, aliases.ExpansionsFor(content).ToList(), asksForSpeaker, asksForAuthor)
        {
            Corrections = corrections,
            NameTerms = names,
            AsksForDefinition = asksForDefinition,
            NamesNothing = namesNothing,
        };
    }

    /// <summary>BM25's idf; a term the sources never use gets the weight of the rarest possible term.</summary>
    public static double InverseDocumentFrequency(int documentFrequency, int documents) =>
        Math.Log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));

    private const string RequestNouns = "info|information|details?|news|summary|overview|recap|quotes?|part|parts|section|passage|bit|paragraph";
    private const string RequestLinks = "(?:on|about|regarding|concerning|of|for|from|by|where|that|which)";

    /// <summary>
    /// The way a chat message greets and asks before it says what about: "hey bot,", "tell me about", "can you summarise", "I want to know",
    /// "any info on", "show me the part about", "what's the deal with". Its words say nothing of the topic, and "quote" or "summary" would
    /// otherwise be searched for. "Name the…" counts, "The passage of…" does not. Chat often drops the apostrophe ("whats", "im").
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex($"""
        ^\s*(?:(?:hey|hi|hello|ok|okay)\b(?:\s+(?:bot|chatbrief)\b)?[\s,!]*)?(?:(?:please|pls)\s+)?
        (?:
          (?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?
          (?:(?:tell|give|show|send|find|list|name|quote|summari[sz]e|explain|describe|remind)\b(?:\s+(?:me|us)\b)?
           |i(?:['’]?d|\s+would)?\s+(?:want|like|need|wanna)\b(?:\s+to\s+(?:know|see|read|find)\b)?
           |i(?:['’]?m|\s+am)\s+(?:looking\s+for|curious\s+about|interested\s+in)\b
           |do\s+you\s+have\b
           |what(?:['’]?s|\s+is|\s+was)\s+(?:the\s+(?:deal|story|news|latest)|up|going\s+on)\s+(?:with|on|about)\b)
          \s*(?:(?:a|an|the|any|some|more)\s+)?(?:(?:{RequestNouns}|anything|everything|something)\b\s*)?
          (?:{RequestLinks}\b\s*)?
         |(?:(?:any|some|more)\s+)?(?:{RequestNouns})\s+{RequestLinks}\b\s*
        )?
        """, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.IgnorePatternWhitespace)]
    private static partial System.Text.RegularExpressions.Regex RequestPreamble();

    /// <summary>"What is the SCC?", "what's 2+2", "What does SDF stand for?", "define FOIP": a short name asked about.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""
        ^\s*(?:
          (?:what|who)(?:['’]?s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+|an?\s+)?\S+(?:\s+\S+){0,2}?
         |what\s+does\s+(?:the\s+)?\S+(?:\s+\S+){0,2}?\s+(?:stand\s+for|mean)
         |(?:define|definition\s+of)\s+(?:the\s+)?\S+(?:\s+\S+){0,2}?
        )\s*[?.!]*\s*$
        """, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.IgnorePatternWhitespace)]
    private static partial System.Text.RegularExpressions.Regex DefinitionQuestion();

    /// <summary>In "WHAT DID KONO SAY" or "What Did Kono Say" every word is capitalised, so capitals mark no name.</summary>
    private static bool CapitalsMarkNames(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(word => char.IsLetter(word[0])).ToList();
        return words.Count < 2 || words.Any(word => char.IsLower(word[0]));
    }

    /// <summary>A capitalised word after the first, such as "Who" in "Doctor Who", is part of a name, not a question word.</summary>
    private static bool IsNamePart(string text, AnalyzedToken token) =>
        token.StartOffset > 0 && char.IsUpper(text[token.StartOffset]) && !IsPronounI(text, token.StartOffset);

    /// <summary>"I", "I'm", "I'd" are capitalised but name nobody.</summary>
    private static bool IsPronounI(string text, int offset) =>
        text[offset] == 'I' && (offset + 1 == text.Length || !char.IsLetter(text[offset + 1]));

    /// <summary>How many whitespace-separated words precede <paramref name="offset"/>.</summary>
    private static int WordIndex(string text, int offset)
    {
        var words = 0;
        for (var i = 1; i < Math.Min(offset + 1, text.Length); i++)
        {
            if (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i]))
            {
                words++;
            }
        }

        return words;
    }

    /// <summary>
    /// The text a question is searched and embedded as: mentions removed, cut to <paramref name="maxLength"/>. It needs
    /// no index, so the embedding can start before the parse.
    /// </summary>
    public static (string Text, bool Shortened) Searched(string question, int maxLength) =>
        Shorten(ChatMentions.Remove(question).Trim(), maxLength);

    private static (string Text, bool Shortened) Shorten(string question, int maxLength)
    {
        if (question.Length <= maxLength)
        {
            return (question, false);
        }

        var cut = question.LastIndexOf(' ', maxLength);
        return (question[..(cut > maxLength / 2 ? cut : maxLength)], true);
    }

    private HashSet<string> AnalyzeAll(IEnumerable<string> words) =>
        words.SelectMany(w => _analyzer.Tokenize(IndexSchema.Text, w)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
}
