using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ChatBrief.Core.Evaluation;

/// <summary>The size of the tree ensemble <see cref="RankerTrainer"/> fits.</summary>
/// <param name="Ignored">Features the model must not use: they are held constant in training, so no tree splits on them.</param>
/// <param name="FeatureFraction">Share of the features each tree may choose from: lower spreads the decision over more evidence.</param>
public sealed record RankerTrainingSettings(
    int Trees = 600,
    int Leaves = 8,
    int MinimumExamplesPerLeaf = 100,
    double LearningRate = 0.05,
    double FeatureFraction = 0.5,
    IReadOnlySet<string>? Ignored = null);

/// <summary>One question's candidates, with which of them answer it.</summary>
public sealed record LabelledQuestion(IReadOnlyList<CandidateEvidence> Candidates, IReadOnlyList<bool> Answers);

/// <summary>How well a model orders held-out questions: where the first answering passage lands.</summary>
/// <param name="AnswerAmongCandidates">Share of questions with an answering passage among Lucene's candidates: the most any order can reach.</param>
public sealed record RankingQuality(int Questions, double HitAt1, double HitAt3, double MrrAt10, double AnswerAmongCandidates);

/// <summary>
/// Trains the ranking model with LambdaMART (ML.NET FastTree) on questions whose answering passages are known. Every
/// question contributes Lucene's candidates for it, labelled by <see cref="EvalRunner.IsHit"/>, exactly as eval judges them.
/// </summary>
public static class RankerTrainer
{
    public static async Task<IReadOnlyList<LabelledQuestion>> LabelAsync(IndexManager index, IEnumerable<EvalQuestion> questions, int maxQuestionLength, CancellationToken cancellationToken = default)
    {
        var collector = new CandidateCollector(index.Analyzer, index.Embedder);
        using var lease = index.Acquire();
        var answerable = questions.Where(q => !q.IsUnanswerable).ToList();
        var labelled = new LabelledQuestion[answerable.Count];
        await Parallel.ForAsync(0, answerable.Count, cancellationToken, async (i, _) =>
        {
            var question = answerable[i];
            var (_, candidates) = await collector.CollectAsync(lease, question.Question, maxQuestionLength);
            var answers = candidates.Select(c => EvalRunner.IsHit(question, new EvalResult(0, c.Passage.Id, c.Passage.Source, c.Passage.Number, c.Passage.Text, 0))).ToList();
            labelled[i] = new LabelledQuestion(candidates, answers);
        });
        return labelled;
    }

    /// <summary>
    /// Splits questions by the title of the document their gold passage comes from: sorted titles alternate between
    /// training and held out, so no document is on both sides. Questions without gold passages stay in training.
    /// </summary>
    public static (IReadOnlyList<EvalQuestion> Training, IReadOnlyList<EvalQuestion> HeldOut) SplitByTitle(IndexManager index, IReadOnlyList<EvalQuestion> questions)
    {
        using var lease = index.Acquire();
        string? TitleOf(EvalQuestion question)
        {
            if (question.PassageIds is not [var id, ..])
            {
                return null;
            }

            var hit = lease.Searcher.Search(new TermQuery(new Term(IndexSchema.Id, id)), 1).ScoreDocs.FirstOrDefault();
            return hit is null ? null : lease.Searcher.Doc(hit.Doc).Get(IndexSchema.Title);
        }

        var titles = questions.Select(TitleOf).ToList();
        var heldOutTitles = titles.OfType<string>().Distinct().Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 1).ToHashSet(StringComparer.Ordinal);
        bool IsHeldOut(int i) => titles[i] is { } title && heldOutTitles.Contains(title);
        return (questions.Where((_, i) => !IsHeldOut(i)).ToList(), questions.Where((_, i) => IsHeldOut(i)).ToList());
    }

    public static RankingModel Train(IReadOnlyList<LabelledQuestion> questions, RankerTrainingSettings settings)
    {
        // Every question's candidates are measured with one set: the semantic one when the index has vectors.
        var features = questions.SelectMany(q => q.Candidates).FirstOrDefault()?.Features.Set ?? FeatureSet.Lexical;
        var ignored = (settings.Ignored ?? new HashSet<string>()).Select(features.PositionOf).ToList();
        float[] Masked(float[] features)
        {
            if (ignored.Count == 0)
            {
                return features;
            }

            var copy = (float[])features.Clone();
            ignored.ForEach(i => copy[i] = 0);
            return copy;
        }

        // A question with no answering candidate teaches nothing about order; LambdaMART's gradient for it is zero.
        var rows = questions
            .Where(q => q.Answers.Contains(true))
            .SelectMany((q, i) => q.Candidates.Select((c, j) => new RankingRow { Question = (uint)i + 1, Label = q.Answers[j] ? 1 : 0, Features = Masked(c.Features.Values) }))
            .ToList();
        if (rows.Count == 0)
        {
            throw new InvalidOperationException("No question has an answering passage among its candidates, so there is nothing to learn from.");
        }

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows, RankingModel.Schema(features));
        var grouped = ml.Transforms.Conversion.MapValueToKey("QuestionKey", nameof(RankingRow.Question)).Fit(data).Transform(data);
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(RankingRow.Label),
            FeatureColumnName = nameof(RankingRow.Features),
            RowGroupColumnName = "QuestionKey",
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinimumExamplesPerLeaf,
            LearningRate = settings.LearningRate,
            FeatureFraction = settings.FeatureFraction,
        });
        return new RankingModel(ml, trainer.Fit(grouped), features);
    }

    public static RankingQuality Measure(RankingModel model, IReadOnlyList<LabelledQuestion> questions)
    {
        var ranker = new PassageRanker(model.Features == FeatureSet.Semantic ? new RankingModels(RankingModel.BuiltIn(), model) : new RankingModels(model, null));
        var tally = new RankTally();
        var reachable = 0;
        foreach (var question in questions)
        {
            var answering = question.Candidates.Where((_, i) => question.Answers[i]).Select(c => c.Passage.Id).ToHashSet(StringComparer.Ordinal);
            reachable += answering.Count > 0 ? 1 : 0;
            tally.Add(ranker.Rank(question.Candidates).Take(RankTally.Depth).ToList().FindIndex(r => answering.Contains(r.Passage.Id)) + 1);
        }

        var n = questions.Count;
        return new RankingQuality(n, tally.HitAt1(n), tally.HitAt3(n), tally.MrrAt10(n), RankTally.Share(reachable, n));
    }
}
