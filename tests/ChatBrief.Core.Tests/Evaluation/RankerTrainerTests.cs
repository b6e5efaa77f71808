using System.Text.Json;
using ChatBrief.Core.Evaluation;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Search;
using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Tests.Evaluation;

public class RankerTrainerTests
{
    private static readonly RankerTrainingSettings Small = new(Trees: 20, Leaves: 4, MinimumExamplesPerLeaf: 1, LearningRate: 0.2, FeatureFraction: 1);

    [Fact]
    public async Task Label_QuestionWithGoldPassage_MarksOnlyThatCandidate()
    {
        using var corpus = await CorpusAsync();

        var labelled = await RankerTrainer.LabelAsync(corpus.Index, [Question("q1", "When did the Rhine flood Cologne?", "rhine#1")], 1000);

        var question = Assert.Single(labelled);
        Assert.Contains(true, question.Answers);
        Assert.All(question.Candidates.Where((_, i) => question.Answers[i]), c => Assert.Equal("rhine#1", c.Passage.Id));
    }

    [Fact]
    public async Task Label_UnanswerableQuestions_AreLeftOut()
    {
        using var corpus = await CorpusAsync();

        var labelled = await RankerTrainer.LabelAsync(corpus.Index, [Question("q1", "What is the capital of France?", null) with { Unanswerable = "strict" }], 1000);

        Assert.Empty(labelled);
    }

    [Fact]
    public async Task SplitByTitle_AlternateTitles_NoTitleOnBothSides()
    {
        using var corpus = await CorpusAsync();
        EvalQuestion[] questions =
        [
            Question("a", "When did the Rhine flood Cologne?", "rhine#1"),
            Question("b", "Where does the Rhine rise?", "rhine#2"),
            Question("c", "Who founded Kenya's national parks?", "kenya#1"),
            Question("d", "What do ctenophores eat?", "ctenophora#1"),
            Question("e", "A question without a gold passage", null),
        ];

        var (training, heldOut) = RankerTrainer.SplitByTitle(corpus.Index, questions);

        // Sorted titles: Ctenophora (trained), Kenya (held out), Rhine (trained).
        Assert.Equal(["a", "b", "d", "e"], training.Select(q => q.Id));
        Assert.Equal(["c"], heldOut.Select(q => q.Id));
    }

    [Fact]
    public void Train_AnswerAlwaysLastInLucenesOrderButBestCovered_LearnsToPutItFirst()
    {
        // Lucene's order puts every answer last, so keeping that order (an untrained model) scores hit@1 0.
        var questions = Enumerable.Range(0, 40).Select(q => Synthetic(q, candidates: 5)).ToList();

        var quality = RankerTrainer.Measure(RankerTrainer.Train(questions, Small), questions);

        Assert.Equal(1, quality.HitAt1);
        Assert.Equal(1, quality.AnswerAmongCandidates);
    }

    [Fact]
    public async Task Train_SavedModel_LoadsAndScoresAlike()
    {
        using var corpus = await CorpusAsync();
        var labelled = await RankerTrainer.LabelAsync(corpus.Index, TrainingQuestions(), 1000);
        var model = RankerTrainer.Train(labelled, Small);
        var path = Path.Combine(corpus.Root, "ranker.zip");

        model.Save(path);
        var models = RankingModels.FromOptions(new SearchOptions { RankingModel = path });
        var loaded = model.Features == FeatureSet.Semantic ? models.Semantic! : models.Lexical;

        var features = labelled[0].Candidates[0].Features.Values;
        Assert.Equal(model.Score(features), loaded.Score(features), 5);
    }

    [Fact]
    public async Task Train_NoQuestionHasAnAnswerAmongItsCandidates_SaysThereIsNothingToLearn()
    {
        using var corpus = await CorpusAsync();
        var labelled = await RankerTrainer.LabelAsync(corpus.Index, [Question("q", "When did the Rhine flood Cologne?", "missing#9")], 1000);

        var error = Assert.Throws<InvalidOperationException>(() => RankerTrainer.Train(labelled, Small));

        Assert.Contains("nothing to learn", error.Message);
    }

    [Fact]
    public void Train_UnknownFeatureToIgnore_NamesTheFeatures()
    {
        var error = Assert.Throws<ArgumentException>(() => RankerTrainer.Train([], Small with { Ignored = new HashSet<string> { "no_such_feature" } }));

        Assert.Contains("no_such_feature", error.Message);
        Assert.Contains("coverage", error.Message);
    }

    private static LabelledQuestion Synthetic(int question, int candidates)
    {
        var evidence = Enumerable.Range(0, candidates).Select(i =>
        {
            var features = new FeatureVector(FeatureSet.Lexical);
            foreach (var name in FeatureSet.Lexical.Names)
            {
                features[name] = 0;
            }

            features["lucene_rank"] = i;
            features["coverage"] = i == candidates - 1 ? 0.9f : 0.1f + (question % 5) / 10f;
            var passage = new StoredPassage($"q{question}#{i}", "a.txt", i + 1, 0, "text", [new TextSpan(0, 4)], new DocumentMetadata("A"), []);
            return new CandidateEvidence(passage, features, features["coverage"], 0, 1, false);
        }).ToList();
        return new LabelledQuestion(evidence, evidence.Select((_, i) => i == candidates - 1).ToList());
    }

    private static EvalQuestion[] TrainingQuestions() =>
    [
        Question("a", "When did the Rhine flood Cologne?", "rhine#1"),
        Question("b", "Where does the Rhine rise?", "rhine#2"),
        Question("c", "Who founded Kenya's national parks?", "kenya#1"),
        Question("d", "What do ctenophores eat?", "ctenophora#1"),
        Question("e", "Which river flows through Cologne?", "rhine#1"),
        Question("f", "What is the climate of Kenya?", "kenya#2"),
    ];

    private static EvalQuestion Question(string id, string text, string? gold) =>
        new(id, text, null, gold is null ? null : [gold], null, null);

    private static async Task<TestCorpus> CorpusAsync()
    {
        (string Id, string Title, string Text)[] passages =
        [
            ("rhine#1", "Rhine", "The Rhine flooded Cologne in 1926, when the river rose eleven metres above its usual level."),
            ("rhine#2", "Rhine", "The Rhine rises in the Swiss Alps, in the canton of Graubünden, and flows north to the sea."),
            ("rhine#3", "Rhine", "Ships on the Rhine carry coal, grain and containers between Basel and Rotterdam."),
            ("kenya#1", "Kenya", "Kenya's national parks were founded by the colonial government after the Second World War."),
            ("kenya#2", "Kenya", "Kenya has a tropical climate, hot and humid at the coast and temperate inland."),
            ("ctenophora#1", "Ctenophora", "Ctenophores eat plankton, larvae and other small animals, which they catch with sticky cells."),
        ];
        var corpus = new TestCorpus(("corpus.jsonl", string.Join('\n', passages.Select(p => JsonSerializer.Serialize(new { id = p.Id, title = p.Title, text = p.Text })))));
        await corpus.Index.EnsureReadyAsync();
        return corpus;
    }
}
