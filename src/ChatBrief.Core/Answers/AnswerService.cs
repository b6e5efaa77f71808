using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Answers;

/// <summary>Answers questions from the index: ranked, grouped passages quoted exactly, or an abstention with closest matches.</summary>
public sealed partial class AnswerService(IndexManager index, RankingModels ranking, IOptions<SearchOptions> options, ILogger<AnswerService> logger, TimeProvider clock) : IAnswerService
{
    /// <summary>An abstention shows at most this many closest matches, so that it never reads like an answer.</summary>
    public const int MaxClosestMatches = 3;

    private readonly PassageSearcher _searcher = new(index.Analyzer, new PassageRanker(ranking), index.Embedder);

    public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(request, limitClosestMatches: true, cancellationToken);

    /// <summary>
    /// Answers like <see cref="AskAsync"/>; evaluation passes <paramref name="limitClosestMatches"/> false to see the whole
    /// ranking behind an abstention, because ranking and abstaining are measured separately.
    /// </summary>
    internal async Task<Answer> AnswerAsync(AskRequest request, bool limitClosestMatches, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw new ArgumentException(AnswerWording.EmptyQuestion, nameof(request));
        }

        var started = clock.GetTimestamp();
        await index.EnsureReadyAsync(cancellationToken: cancellationToken);
        using var lease = index.Acquire();
        var top = Math.Max(1, request.Top);
        var skip = Math.Max(0, request.Skip);
        var outcome = await _searcher.SearchAsync(lease, request.Question, options.Value.MaxQuestionLength, skip + top);
        var groups = AnswerGrouping.Group(outcome.Passages, lease.Snapshot.PassageTerms);
        var shown = outcome.Abstained && limitClosestMatches ? Math.Min(top, Math.Max(0, MaxClosestMatches - skip)) : top;
        var results = groups
            .Select((group, i) => ToAnswerPassage(group, rank: i + 1))
            .Skip(skip)
            .Take(shown)
            .ToList();

        var latency = clock.GetElapsedTime(started);
        LogAnswered(request, latency, results.Count, outcome.Abstained, outcome.AbstentionReason);
        return new Answer(outcome.Question.Text, outcome.Abstained, results)
        {
            Latency = latency,
            QuestionShortened = outcome.Question.Shortened,
            AbstentionReason = outcome.Abstained ? outcome.AbstentionReason : null,
            Evidence = outcome.Evidence,
            IndexBuiltAt = lease.Snapshot.BuiltAt,
            Corrections = outcome.Question.Corrections
                .Select(correction => WrittenForm(correction, outcome.Passages, lease.Snapshot.PassageTerms) is { } written ? new CorrectedWord(correction.Typed, written) : null)
                .OfType<CorrectedWord>()
                .ToList(),
        };
    }

    /// <summary>
    /// One line per answer, for operators. Questions are what people typed and may be private, so their text is logged
    /// only when <see cref="SearchOptions.LogQuestionText"/> asks for it.
    /// </summary>
    private void LogAnswered(AskRequest request, TimeSpan latency, int results, bool abstained, string? reason)
    {
        var latencyMs = (long)latency.TotalMilliseconds;
        if (options.Value.LogQuestionText)
        {
            LogAnsweredWithText(request.Door, latencyMs, results, abstained, reason, request.Question);
        }
        else
        {
            LogAnswered(request.Door, latencyMs, request.Question.Length, results, abstained, reason);
        }
    }

    [LoggerMessage(LogLevel.Information, "Answered a {Door} question in {LatencyMs} ms: {QuestionLength} characters, {Results} results, abstained {Abstained} ({Reason})")]
    private partial void LogAnswered(string door, long latencyMs, int questionLength, int results, bool abstained, string? reason);

    [LoggerMessage(LogLevel.Information, "Answered a {Door} question in {LatencyMs} ms: {Results} results, abstained {Abstained} ({Reason}); question: {Question}")]
    private partial void LogAnsweredWithText(string door, long latencyMs, int results, bool abstained, string? reason, string question);

    /// <summary>
    /// How the sources write a corrected term ("Iwaya" for the term "iwaya", "availability" for "avail"), taken from the
    /// ranked passages; among several forms, the one nearest the typed word. Null when no ranked passage holds the term.
    /// </summary>
    private static string? WrittenForm(SpellingCorrection correction, IReadOnlyList<RankedPassage> passages, PassageTermCache cache)
    {
        var forms = passages
            .SelectMany(p => cache.Get(p.Passage).Tokens.Where(t => t.Term == correction.Term).Select(t => p.Passage.Text[t.StartOffset..t.EndOffset]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var typed = correction.Typed.ToLowerInvariant();
        for (var edits = 1; edits <= 2 && forms.Count > 1; edits++)
        {
            var near = new CharacterRunAutomaton(new LevenshteinAutomata(typed, withTranspositions: true).ToAutomaton(edits));
            if (forms.FirstOrDefault(form => near.Run(form.ToLowerInvariant())) is { } nearest)
            {
                return nearest;
            }
        }

        return forms.FirstOrDefault();
    }

    public async Task<PassageContext?> GetContextAsync(PassageReference passage, int radius, CancellationToken cancellationToken = default)
    {
        await index.EnsureReadyAsync(cancellationToken: cancellationToken);
        using var lease = index.Acquire();
        var number = passage.Passage;
        var paragraphs = PassagesOf(lease.Searcher, passage.Source, number - radius, number + radius);
        var state = PassageState.Unchanged;

        // Usually the passage is where it was; only a changed one costs a look through its whole source.
        if (passage.Fingerprint is { } fingerprint && !paragraphs.Any(p => p.Number == number && PassageFingerprint.Of(p.Text) == fingerprint))
        {
            var moved = PassagesOf(lease.Searcher, passage.Source, int.MinValue, int.MaxValue)
                .Where(p => PassageFingerprint.Of(p.Text) == fingerprint)
                .Select(p => p.Number)
                .ToList();
            if (moved.Count == 0)
            {
                state = PassageState.Edited;
            }
            else
            {
                (number, state) = (moved.MinBy(n => Math.Abs(n - passage.Passage)), PassageState.Moved);
                paragraphs = PassagesOf(lease.Searcher, passage.Source, number - radius, number + radius);
            }
        }

        if (!paragraphs.Any(p => p.Number == number))
        {
            return null;
        }

        var metadata = paragraphs[0].Metadata;
        return new PassageContext(
            passage.Source,
            metadata.Title,
            metadata.Author,
            paragraphs.Select(p => new ContextParagraph(p.Number, p.Text, p.Number == number)).ToList())
        {
            State = state,
        };
    }

    /// <summary>A source's passages numbered <paramref name="first"/> to <paramref name="last"/>, in reading order.</summary>
    private static List<StoredPassage> PassagesOf(IndexSearcher searcher, string source, int first, int last)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(IndexSchema.SourceTerm(source)), Occur.MUST },
            { NumericRangeQuery.NewInt32Range(IndexSchema.Number, first, last, true, true), Occur.MUST },
        };
        return searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs
            .Select(hit => IndexSchema.ToStoredPassage(searcher.Doc(hit.Doc)))
            .OrderBy(p => p.Number).ThenBy(p => p.Part)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max, CancellationToken cancellationToken = default)
    {
        await index.EnsureReadyAsync(cancellationToken: cancellationToken);
        using var lease = index.Acquire();
        return lease.Snapshot.Suggestions.Complete(prefix, max);
    }

    private static AnswerPassage ToAnswerPassage(GroupedPassage group, int rank)
    {
        var best = group.Best;
        var passage = best.Passage;
        return new AnswerPassage(
            rank,
            passage.Id,
            passage.Source,
            passage.Metadata.TitleFromText ? AnswerWording.MadeUpTitle(passage.Metadata.Title) : passage.Metadata.Title,
            passage.Metadata.Author,
            passage.Number,
            passage.Text,
            passage.Sentences[best.BestSentence].Of(passage.Text),
            Math.Round(best.Score, 4),
            group.Corroborating.Select(c => new PassageReference(c.Passage.Source, c.Passage.Number, c.Passage.Page, PassageFingerprint.Of(c.Passage.Text))).ToList(),
            passage.Page)
        {
            Sentences = passage.Sentences,
            BestSentenceIndex = best.BestSentence,
            Url = SourceLink.For(passage.Metadata.Url, passage.Page, passage.Anchor),
        };
    }
}
