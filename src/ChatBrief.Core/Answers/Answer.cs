using System.Text.Json.Serialization;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Search;

namespace ChatBrief.Core.Answers;

/// <summary>What the bot replies to a question: quoted passages with citations, or an abstention.</summary>
/// <param name="Question">The question as it was searched (after shortening, if it was too long).</param>
/// <param name="Abstained">True when nothing in the sources answers; <see cref="Results"/> then holds at most a few closest matches.</param>
/// <param name="Results">Ranked passages, best first.</param>
public sealed record Answer(string Question, bool Abstained, IReadOnlyList<AnswerPassage> Results)
{
    /// <summary>True when the question was longer than the search accepts and only its first part was used.</summary>
    public bool QuestionShortened { get; init; }

    /// <summary>Why the sources were judged not to answer, when <see cref="Abstained"/>.</summary>
    public string? AbstentionReason { get; init; }

    /// <summary>What the abstention model read of the best passage, or null without vectors (for evaluation).</summary>
    public AnswerEvidence? Evidence { get; init; }

    /// <summary>When the index that answered was built.</summary>
    public DateTimeOffset? IndexBuiltAt { get; init; }

    /// <summary>How long the search took.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Words of the question taken for slips, each with the word searched instead, as the sources write it.</summary>
    public IReadOnlyList<CorrectedWord> Corrections { get; init; } = [];
}

/// <summary>A word the user typed and the sources' word that was searched instead ("Iwya" and "Iwaya").</summary>
public sealed record CorrectedWord(string Typed, string Searched);

/// <summary>One quoted passage of an answer.</summary>
/// <param name="Rank">1-based rank in the answer (counting skipped results too).</param>
/// <param name="Id">The passage's stable id (<c>source#passage</c>, or the corpus id for a JSONL corpus).</param>
/// <param name="Source">The source file, relative to the sources folder.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Author">The document's author or byline, when known.</param>
/// <param name="Passage">1-based paragraph number in the cleaned source.</param>
/// <param name="Text">The passage, quoted exactly (whitespace normalised, markup reduced to its text).</param>
/// <param name="BestSentence">The sentence of <see cref="Text"/> that best answers the question.</param>
/// <param name="Score">Relevance score; comparable only within one answer.</param>
/// <param name="AlsoIn">Other sources that say the same thing.</param>
/// <param name="Page">The 1-based page of a paged source (PDF) that the paragraph starts on; null for other sources.</param>
public sealed record AnswerPassage(
    int Rank,
    string Id,
    string Source,
    string Title,
    string? Author,
    int Passage,
    string Text,
    string BestSentence,
    double Score,
    IReadOnlyList<PassageReference> AlsoIn,
    int? Page = null)
{
    /// <summary>
    /// The sentences of <see cref="Text"/>, in order, as the core's <see cref="SentenceSplitter"/> found them when the
    /// passage was indexed: every door cuts and emphasises quotes by these, and none splits text of its own.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<TextSpan> Sentences { get; init; } = [];

    /// <summary>Where the citation links (<see cref="SourceLink"/>), or null when the source has no web address.</summary>
    public string? Url { get; init; }

    /// <summary>Which of <see cref="Sentences"/> is <see cref="BestSentence"/>; -1 when none is marked.</summary>
    [JsonIgnore]
    public int BestSentenceIndex { get; init; } = -1;

    /// <summary>The span of <see cref="BestSentence"/> in <see cref="Text"/>, or null when none is marked.</summary>
    [JsonIgnore]
    public TextSpan? BestSentenceSpan => BestSentenceIndex >= 0 && BestSentenceIndex < Sentences.Count ? Sentences[BestSentenceIndex] : null;

    /// <summary>Where this passage is, and what it said, for a button that asks for it again later.</summary>
    public PassageReference Reference => new(Source, Passage, Page, PassageFingerprint.Of(Text));
}

/// <summary>Points at a passage of a source, and at its page when the source has pages.</summary>
/// <param name="Fingerprint">The passage's <see cref="PassageFingerprint"/> when it was shown, to find it again after a
/// reindex; null for a reference by number alone.</param>
public sealed record PassageReference(string Source, int Passage, int? Page = null, string? Fingerprint = null);
