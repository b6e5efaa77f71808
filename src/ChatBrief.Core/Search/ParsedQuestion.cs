using ChatBrief.Core.Analysis;

namespace ChatBrief.Core.Search;

/// <summary>A question reduced to what search needs: its content terms with their weights, and the words around them.</summary>
/// <param name="Text">The question as searched (possibly shortened).</param>
/// <param name="Shortened">True when the question was cut to the maximum length.</param>
/// <param name="Terms">Distinct content terms, most informative first.</param>
/// <param name="Words">The terms of each written content word ("F-35A" gives f, 35 and f35a).</param>
/// <param name="Tokens">All content tokens in order, with positions, for phrase and proximity matching.</param>
/// <param name="Aliases">Other spellings of names in the question, learnt from the sources.</param>
/// <param name="AsksForSpeaker">The question asks what someone said, so passages where a named person speaks should win.</param>
/// <param name="AsksForAuthor">The question asks who wrote something, so bylines matter more.</param>
public sealed record ParsedQuestion(
    string Text,
    bool Shortened,
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlyList<string[]> Words,
    IReadOnlyList<AnalyzedToken> Tokens,
    IReadOnlyList<AliasExpansion> Aliases,
    bool AsksForSpeaker,
    bool AsksForAuthor)
{
    public double TotalWeight { get; } = Terms.Sum(t => t.Weight);

    /// <summary>The question's words that were slips, with the term searched instead (<see cref="SpellingCorrector"/>).</summary>
    public IReadOnlyList<SpellingCorrection> Corrections { get; init; } = [];

    /// <summary>The question asks what a name is or stands for ("What is the SCC?", "what's 2+2"), so its definition answers.</summary>
    public bool AsksForDefinition { get; init; }

    /// <summary>Every word of the question was a question, function or chat word ("u there?"): it names nothing to look for.</summary>
    public bool NamesNothing { get; init; }

    /// <summary>Terms of the words capitalised inside the question ("Iwaya", "Senkaku"), which name someone or something.</summary>
    public IReadOnlySet<string> NameTerms { get; init; } = new HashSet<string>();

    /// <summary>The distinct content terms, for membership tests while reranking.</summary>
    public IReadOnlySet<string> TermSet { get; } = Terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
}

/// <summary>A content term of a question.</summary>
/// <param name="Term">The analysed term.</param>
/// <param name="Weight">Its inverse document frequency in the index: rare terms count most.</param>
/// <param name="DocumentFrequency">How many passages contain it (0: the sources never use it).</param>
/// <param name="Synonyms">Terms of words that can stand for it (<see cref="EnglishLexicon"/>).</param>
public sealed record QueryTerm(string Term, double Weight, int DocumentFrequency, IReadOnlySet<string> Synonyms);
