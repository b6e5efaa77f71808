using ChatBrief.Core.Search;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ChatBrief.Core.Tests.Search;

public class RankingModelTests
{
    [Fact]
    public void Names_MatchTheVectorLength()
    {
        Assert.Equal(FeatureSet.Lexical.Count, FeatureSet.Lexical.Names.Count);
        Assert.Equal(FeatureSet.Lexical.Names.Count, FeatureSet.Lexical.Names.Distinct().Count());
    }

    [Fact]
    public void Score_OneQuestionsCandidatesTogether_SameAsOneByOne()
    {
        var model = RankingModel.BuiltIn();
        var candidates = Enumerable.Range(0, 5)
            .Select(c => Enumerable.Range(0, FeatureSet.Lexical.Count).Select(i => (i + c) % 4 / 3f).ToArray())
            .ToList();

        var together = model.Score(candidates);

        Assert.Equal(candidates.Select(model.Score), together);
        Assert.True(together.Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("ChatBrief.Core.Search.ranker.zip")]
    [InlineData("ChatBrief.Core.Search.ranker-semantic.zip")]
    public void Score_BuiltInModels_ExactlyWhatMlNetPredicts(string resource)
    {
        // The model scores its trees itself; ML.NET's prediction engine is the reference it must match to the last bit.
        using var stream = typeof(RankingModel).Assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        var model = RankingModel.Load(copy, resource);
        copy.Position = 0;
        var ml = new MLContext(seed: 0);
        using var engine = ml.Model.CreatePredictionEngine<RankingRow, RankingScore>(ml.Model.Load(copy, out _), inputSchemaDefinition: RankingModel.Schema(model.Features));
        var random = new Random(7);
        var candidates = Enumerable.Range(0, 500)
            .Select(_ => Enumerable.Range(0, model.Features.Count).Select(_ => (float)(random.NextDouble() * 3 - 0.5)).ToArray())
            .ToList();

        var scores = model.Score(candidates);

        Assert.Equal(candidates.Select(c => (double)engine.Predict(new RankingRow { Features = c }).Score), scores);
        Assert.True(scores.Distinct().Count() > 100);
    }

    [Fact]
    public void BuiltIn_MoreOfTheQuestionCovered_ScoresHigher()
    {
        var model = RankingModel.BuiltIn();
        var weak = new float[FeatureSet.Lexical.Count];
        var strong = new float[FeatureSet.Lexical.Count];
        foreach (var name in new[] { "lucene", "coverage", "sentence_coverage", "window_coverage", "covered_words", "sentence_share", "ordered_match" })
        {
            weak[Index(name)] = 0.2f;
            strong[Index(name)] = 1f;
        }

        Assert.True(model.Score(strong) > model.Score(weak));
    }

    [Fact]
    public async Task Score_ManyCallersAtOnce_AllGetTheSameScore()
    {
        var model = RankingModel.BuiltIn();
        var features = new float[FeatureSet.Lexical.Count];
        features[Index("coverage")] = 0.7f;
        var expected = model.Score(features);

        var scores = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => model.Score(features))));

        Assert.All(scores, score => Assert.Equal(expected, score));
    }

    [Fact]
    public void BuiltInSemantic_ReadsTheLexicalFeaturesAndTheCosines()
    {
        var model = RankingModel.BuiltInSemantic();

        Assert.NotNull(model);
        Assert.Same(FeatureSet.Semantic, model.Features);
        Assert.Equal(FeatureSet.Lexical.Names, FeatureSet.Semantic.Names.Take(FeatureSet.Lexical.Count));
    }

    [Fact]
    public void BuiltInSemantic_PassageCloserInMeaning_ScoresHigher()
    {
        var model = RankingModel.BuiltInSemantic()!;
        var near = Candidate(cosine: 0.72f, gap: 0f, rank: 0);
        var far = Candidate(cosine: 0.45f, gap: 0.27f, rank: 30);

        Assert.True(model.Score(near) > model.Score(far));

        static float[] Candidate(float cosine, float gap, int rank)
        {
            var features = new FeatureVector(FeatureSet.Semantic);
            foreach (var name in FeatureSet.Semantic.Names)
            {
                features[name] = 0.4f;
            }

            (features["cosine"], features["cosine_gap"], features["cosine_rank"], features["top_cosine"]) = (cosine, gap, rank, 0.72f);
            return features.Values;
        }
    }

    [Fact]
    public void FeatureVector_AFeatureLeftUnset_IsRefusedByName()
    {
        var features = new FeatureVector(FeatureSet.Lexical) { ["lucene"] = 1 };

        var error = Assert.Throws<InvalidOperationException>(() => features.Values);

        Assert.Contains("lucene_rank", error.Message);
    }

    [Fact]
    public void FeatureVector_UnknownName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new FeatureVector(FeatureSet.Lexical) { ["cosine"] = 1 });
    }

    [Fact]
    public void FromOptions_MissingFile_SaysWhichSetting()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RankingModels.FromOptions(new SearchOptions { RankingModel = "/nonexistent/ranker.zip" }));

        Assert.Contains("Search:RankingModel", error.Message);
    }

    [Fact]
    public void FromOptions_FileThatIsNotAModel_IsRefusedClearly()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a model");

            var error = Assert.Throws<InvalidDataException>(() => RankingModels.FromOptions(new SearchOptions { RankingModel = path }));

            Assert.Contains("not a ranking model", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromOptions_ModelTrainedOnOtherFeatures_IsRefusedAtLoad()
    {
        var path = Path.GetTempFileName();
        try
        {
            SaveModelReading(featureCount: FeatureSet.Lexical.Count + 2, path);

            var error = Assert.Throws<InvalidDataException>(() => RankingModels.FromOptions(new SearchOptions { RankingModel = path }));

            Assert.Contains("train-ranker", error.Message);
            Assert.Contains($"{FeatureSet.Lexical.Count} lexical", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A real ranking model, as an older or newer version would write it, whose feature vector has another length.</summary>
    private static void SaveModelReading(int featureCount, string path)
    {
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(RankingRow));
        schema[nameof(RankingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var rows = Enumerable.Range(0, 40).Select(i => new RankingRow
        {
            Question = (uint)(i / 4) + 1,
            Label = i % 4 == 0 ? 1 : 0,
            Features = Enumerable.Range(0, featureCount).Select(f => (i % 4 == 0 ? 1f : 0f) + f / 10f).ToArray(),
        });
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var grouped = ml.Transforms.Conversion.MapValueToKey("QuestionKey", nameof(RankingRow.Question)).Fit(data).Transform(data);
        var model = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(RankingRow.Label),
            FeatureColumnName = nameof(RankingRow.Features),
            RowGroupColumnName = "QuestionKey",
            NumberOfTrees = 2,
            MinimumExampleCountPerLeaf = 1,
        }).Fit(grouped);
        using var stream = File.Create(path);
        ml.Model.Save(model, null, stream);
    }

    private static int Index(string name) => FeatureSet.Lexical.Names.ToList().IndexOf(name);
}
