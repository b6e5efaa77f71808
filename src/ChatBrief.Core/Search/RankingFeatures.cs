using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Search;

/// <summary>A candidate passage as retrieval found it.</summary>
/// <param name="Passage">The stored passage.</param>
/// <param name="LuceneScore">Its BM25 score, 0 when only the semantic search found it.</param>
/// <param name="Meaning">How close it is to the question in meaning, or null without passage vectors.</param>
public sealed record Candidate(StoredPassage Passage, float LuceneScore, SemanticMatch? Meaning = null);

/// <summary>Cosines of the question's embedding with a passage's, and with its neighbours' (the best of the two).</summary>
public sealed record SemanticMatch(float Cosine, float ContextCosine);

/// <summary>One candidate passage with the evidence measured for it.</summary>
/// <param name="Passage">The stored passage.</param>
/// <param name="Features">The ranking model's input: the semantic features when every candidate has a vector, else the lexical ones.</param>
/// <param name="Coverage">Share of the question's weighted terms that the passage contains (0..1).</param>
/// <param name="BestSentence">Index into the passage's sentences of the one that best answers.</param>
/// <param name="CoveredWords">How many of the question's written content words the passage contains.</param>
/// <param name="SpeakerMatches">The question asks what someone said and a person it names speaks in the passage.</param>
public sealed record CandidateEvidence(StoredPassage Passage, FeatureVector Features, double Coverage, int BestSentence, int CoveredWords, bool SpeakerMatches)
{
    /// <summary>
    /// The question asks what something is, and one sentence of the passage holds both the name it asks about and another
    /// spelling of it ("SCC" and "Security Consultative Committee"): where the sources define it.
    /// </summary>
    public bool Defines { get; init; }

    /// <summary>The cosine of the question with the passage, or null without vectors.</summary>
    public float? Cosine { get; init; }

    /// <summary>The question asks who wrote something, and the passage is its author's bio ("Brad Glosserman is … director …").</summary>
    public bool IntroducesAuthor { get; init; }
}

/// <summary>
/// Measures what BM25 cannot see about each candidate: how much of the question's rare vocabulary one sentence holds
/// (questions are usually answered by one sentence), how much the passage and its title hold, how close together and in
/// what order the words stand, whether the source repeats the question's own word pairs, whether the sentence holds the
/// kind of word the question asks for ("when" wants a date), which missing words are there as synonyms (a paraphrase),
/// how close the passage and its neighbours are to the question in meaning, and how each candidate compares with the
/// best of the others. <see cref="RankingModel"/> weighs them.
/// </summary>
public static class RankingFeatures
{
    // When choosing the sentence to show, a sentence with a new word of the expected type gets this share of the question's weight.
    private const double AnswerTypeSentenceBonus = 0.15;

    public static IReadOnlyList<CandidateEvidence> Collect(ParsedQuestion question, IReadOnlyList<Candidate> candidates, PassageTermCache cache)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var answerType = AnswerTypes.Expected(question.Text);
        var total = Math.Max(question.TotalWeight, double.Epsilon);
        var questionPairs = PassageTerms.WordPairs(question.Text);
        var rarest = question.Terms.Count > 0 ? question.Terms[0].Term : null;
        var measures = new Measures[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var (passage, luceneScore, _) = candidates[i];
            var terms = cache.Get(passage);
            var best = BestSentence(question, terms, answerType);
            measures[i] = new Measures(
                passage,
                terms,
                luceneScore,
                CoveredWeight(question, terms.All.Contains) / total,
                best,
                question.Words.Count(word => word.Any(terms.All.Contains)),
                question.AsksForSpeaker && question.Terms.Any(t => terms.SpeakerTerms.Contains(t.Term)));
        }

        var topLucene = measures.Max(m => m.Lucene);
        var topCoverage = measures.Max(m => m.Coverage);
        var topSentenceCoverage = measures.Max(m => m.Best.Coverage) / total;
        var topSentenceBm25 = measures.Max(m => m.Best.Bm25) / total;
        var titles = measures.GroupBy(m => m.Passage.Metadata.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Mixing candidates with and without vectors would leave the semantic model guessing, so it is all or none.
        var semantic = candidates.All(c => c.Meaning is not null);
        var cosines = new CosineSpread(semantic ? candidates.Select(c => c.Meaning!.Cosine).ToArray() : []);
        var evidence = new CandidateEvidence[measures.Length];
        for (var i = 0; i < measures.Length; i++)
        {
            var m = measures[i];
            var sentence = m.Terms.Sentences[m.Best.Index];
            var matched = MatchedTokens(question, m.Terms, m.Best.Index);
            var features = new FeatureVector(semantic ? FeatureSet.Semantic : FeatureSet.Lexical)
            {
                ["lucene"] = (float)(m.Lucene / topLucene),
                ["lucene_rank"] = i,
                ["coverage"] = (float)m.Coverage,
                ["coverage_gap"] = (float)(topCoverage - m.Coverage),
                ["sentence_coverage"] = (float)(m.Best.Coverage / total),
                ["sentence_coverage_gap"] = (float)(topSentenceCoverage - m.Best.Coverage / total),
                ["sentence_bm25"] = (float)(m.Best.Bm25 / total),
                ["sentence_bm25_gap"] = (float)(topSentenceBm25 - m.Best.Bm25 / total),
                ["window_coverage"] = (float)(WindowCoverage(question, m.Terms) / total),
                ["answer_type"] = m.Best.HasAnswerType ? 1 : 0,
                ["expected_type"] = (float)answerType,
                ["density"] = (float)Density(matched),
                ["title_coverage"] = (float)(CoveredWeight(question, m.Terms.TitleTerms.Contains) / total),
                ["sentence_share"] = question.Terms.Count == 0 ? 0 : question.Terms.Count(t => sentence.Contains(t.Term)) / (float)question.Terms.Count,
                ["word_pairs"] = Share(questionPairs, m.Terms.SentencePairs[m.Best.Index]),
                ["passage_word_pairs"] = questionPairs.Count == 0 ? 0 : questionPairs.Count(pair => m.Terms.SentencePairs.Any(pairs => pairs.Contains(pair))) / (float)questionPairs.Count,
                ["log_length"] = (float)Math.Log(1 + m.Terms.Tokens.Count),
                ["covered_words"] = question.Words.Count == 0 ? 0 : m.CoveredWords / (float)question.Words.Count,
                ["rarest_term"] = rarest is not null && m.Terms.All.Contains(rarest) ? 1 : 0,
                ["missing_weight"] = (float)(question.Terms.Where(t => !m.Terms.All.Contains(t.Term)).Select(t => t.Weight).DefaultIfEmpty(0).Max() / total),
                ["sentence_position"] = m.Passage.Sentences.Count <= 1 ? 0 : m.Best.Index / (float)(m.Passage.Sentences.Count - 1),
                ["same_title"] = titles[m.Passage.Metadata.Title] / (float)measures.Length,
                ["question_terms"] = question.Terms.Count,
                ["ordered_match"] = OrderedMatch(question, matched),
                ["lucene_per_weight"] = (float)(m.Lucene / total),
                ["synonym_coverage"] = (float)(SynonymWeight(question, m.Terms.All.Contains) / total),
                ["sentence_synonym_coverage"] = (float)(SynonymWeight(question, sentence.Contains) / total),
                ["sentence_soft_coverage"] = (float)(m.Best.SoftCoverage / total),
            };
            if (semantic)
            {
                var meaning = candidates[i].Meaning!;
                features["cosine"] = meaning.Cosine;
                features["cosine_gap"] = cosines.Max - meaning.Cosine;
                features["cosine_rank"] = cosines.RankOf(meaning.Cosine);
                features["cosine_z"] = cosines.Standardize(meaning.Cosine);
                features["top_cosine"] = cosines.Max;
                features["context_cosine"] = meaning.ContextCosine;
            }

            evidence[i] = new CandidateEvidence(m.Passage, features, m.Coverage, m.Best.Index, m.CoveredWords, m.SpeakerMatches)
            {
                Cosine = candidates[i].Meaning?.Cosine,
                IntroducesAuthor = question.AsksForAuthor && Sources.Cleaning.AuthorBioDetector.TryRead(m.Passage.Text, out _),
                Defines = question.AsksForDefinition && question.Aliases.Any(a => m.Terms.Sentences.Any(sentence => a.StandsFor.All(sentence.Contains) && a.Spelling.All(sentence.Contains))),
            };
        }

        return evidence;
    }

    private readonly record struct Measures(StoredPassage Passage, PassageTerms Terms, double Lucene, double Coverage, SentenceMatch Best, int CoveredWords, bool SpeakerMatches);

    private readonly record struct SentenceMatch(int Index, double Coverage, double Bm25, bool HasAnswerType, double SoftCoverage);

    /// <summary>The sentence holding most of the question's weight, favouring one with a new word of the expected answer type.</summary>
    private static SentenceMatch BestSentence(ParsedQuestion question, PassageTerms terms, AnswerType answerType)
    {
        var best = new SentenceMatch(0, -1, 0, false, 0);
        var bestRank = -1.0;
        var bestBm25 = 0.0;
        var bestSoft = 0.0;
        var typeBonus = AnswerTypeSentenceBonus * question.TotalWeight;
        for (var i = 0; i < terms.Sentences.Count; i++)
        {
            var sentence = terms.Sentences[i];
            var coverage = CoveredWeight(question, sentence.Contains);
            var hasType = coverage > 0 && answerType != AnswerType.Unknown && AnswerTypes.HasNewWord(terms.WordsOfType(answerType, i), question.Text);
            var rank = coverage + (hasType ? typeBonus : 0);
            if (rank > bestRank)
            {
                bestRank = rank;
                best = new SentenceMatch(i, coverage, 0, hasType, 0);
            }

            bestBm25 = Math.Max(bestBm25, SentenceBm25(question, sentence));
            bestSoft = Math.Max(bestSoft, coverage + SynonymWeight(question, sentence.Contains));
        }

        return best with { Coverage = Math.Max(best.Coverage, 0), Bm25 = bestBm25, SoftCoverage = bestSoft };
    }

    private static double SentenceBm25(ParsedQuestion question, SentenceTerms sentence)
    {
        const double k1 = 1.2, b = 0.5, average = 15;
        var norm = k1 * (1 - b + b * sentence.Length / average);
        var score = 0.0;
        foreach (var term in question.Terms)
        {
            if (sentence.Counts.TryGetValue(term.Term, out var frequency))
            {
                score += term.Weight * frequency * (k1 + 1) / (frequency + norm);
            }
        }

        return score;
    }

    /// <summary>The most question weight that two neighbouring sentences hold together: an answer may span a sentence break.</summary>
    private static double WindowCoverage(ParsedQuestion question, PassageTerms terms)
    {
        var best = terms.Sentences.Count == 0 ? 0 : CoveredWeight(question, terms.Sentences[0].Contains);
        for (var i = 1; i < terms.Sentences.Count; i++)
        {
            var (previous, current) = (terms.Sentences[i - 1], terms.Sentences[i]);
            best = Math.Max(best, CoveredWeight(question, t => previous.Contains(t) || current.Contains(t)));
        }

        return best;
    }

    private static float Share(HashSet<string> wanted, HashSet<string> present) =>
        wanted.Count == 0 ? 0 : wanted.Count(present.Contains) / (float)wanted.Count;

    /// <summary>How tightly the question's words sit in the sentence: matched words over the span they cover.</summary>
    private static double Density(List<Analysis.AnalyzedToken> positions)
    {
        if (positions.Count < 2)
        {
            return positions.Count;
        }

        var distinct = positions.Select(p => p.Term).Distinct().Count();
        var width = positions[^1].Position - positions[0].Position + 1;
        return (double)distinct / width;
    }

    /// <summary>
    /// Share of the question's content terms that the sentence has in the question's own order (longest common
    /// subsequence): a question is often its answer sentence reworded around the same word order.
    /// </summary>
    private static float OrderedMatch(ParsedQuestion question, List<Analysis.AnalyzedToken> matched)
    {
        var asked = question.Tokens.Select(t => t.Term).ToList();
        if (asked.Count == 0)
        {
            return 0;
        }

        var found = matched.ConvertAll(t => t.Term);
        var previous = new int[found.Count + 1];
        var current = new int[found.Count + 1];
        foreach (var term in asked)
        {
            for (var j = 1; j <= found.Count; j++)
            {
                current[j] = string.Equals(term, found[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[found.Count] / (float)asked.Count;
    }

    /// <summary>The sentence's tokens that are question terms, in order.</summary>
    private static List<Analysis.AnalyzedToken> MatchedTokens(ParsedQuestion question, PassageTerms terms, int sentence) =>
        terms.TokensOf(sentence).Where(t => question.TermSet.Contains(t.Term)).ToList();

    /// <summary>Weight of the question terms absent from <paramref name="contains"/> but with a synonym present: a paraphrase.</summary>
    private static double SynonymWeight(ParsedQuestion question, Func<string, bool> contains)
    {
        var weight = 0.0;
        foreach (var term in question.Terms)
        {
            if (!contains(term.Term) && term.Synonyms.Any(contains))
            {
                weight += term.Weight;
            }
        }

        return weight;
    }

    /// <summary>Weight of the question terms present in <paramref name="contains"/>, counting a term as present when an alias of it is.</summary>
    private static double CoveredWeight(ParsedQuestion question, Func<string, bool> contains)
    {
        var weight = 0.0;
        foreach (var term in question.Terms)
        {
            if (contains(term.Term) || question.Aliases.Any(a => a.StandsFor.Contains(term.Term) && a.Spelling.All(contains)))
            {
                weight += term.Weight;
            }
        }

        return weight;
    }
}
