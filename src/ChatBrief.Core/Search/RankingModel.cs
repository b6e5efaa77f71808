using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatBrief.Core.Search;

/// <summary>One candidate as the ranking model reads it: its features, and for training its label and question.</summary>
public sealed class RankingRow
{
    /// <summary>1 when the candidate answers the question, else 0 (training only).</summary>
    public float Label { get; set; }

    /// <summary>Which question the candidate belongs to: the model learns to order the candidates of one question (training only).</summary>
    public uint Question { get; set; }

    /// <summary>The features, in the order of the model's <see cref="FeatureSet"/>; the vector's length is set per model (<see cref="RankingModel.Schema"/>).</summary>
    public float[] Features { get; set; } = [];
}

/// <summary>The model's output for one candidate.</summary>
public sealed class RankingScore
{
    public float Score { get; set; }
}

/// <summary>
/// Scores candidates with gradient-boosted trees trained for ranking (LambdaMART, ML.NET FastTree) by
/// <c>chatbrief train-ranker</c>. The built-in model ships inside this assembly; a team may train its own on its questions.
/// </summary>
public sealed class RankingModel
{
    private const string LexicalResource = "ChatBrief.Core.Search.ranker.zip";
    private const string SemanticResource = "ChatBrief.Core.Search.ranker-semantic.zip";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    // A prediction engine is not thread-safe and is costly to create, so engines are reused, one per concurrent caller.
    private readonly ConcurrentBag<PredictionEngine<RankingRow, RankingScore>> _engines = [];

    // FastTree models (all that train-ranker writes) are scored without an engine; null for any other kind.
    private readonly TreeEnsembleScorer? _trees;

    public RankingModel(MLContext ml, ITransformer model, FeatureSet features, string source = "trained in this process")
    {
        _ml = ml;
        _model = model;
        Features = features;
        Source = source;

        // Binding the model to this version's feature vector now refuses one trained on other features at load, not at the first question.
        _engines.Add(CreateEngine());
        _trees = TreeEnsembleScorer.For(model);
    }

    /// <summary>Where the model came from ("built-in" or its file), for logs.</summary>
    public string Source { get; }

    /// <summary>The features the model reads.</summary>
    public FeatureSet Features { get; }

    /// <summary>The built-in lexical model.</summary>
    public static RankingModel BuiltIn() => LoadBuiltIn(LexicalResource)!;

    /// <summary>The built-in model that also reads the semantic features, or null in a build that ships none.</summary>
    public static RankingModel? BuiltInSemantic() => LoadBuiltIn(SemanticResource);

    private static RankingModel? LoadBuiltIn(string resource)
    {
        using var stream = typeof(RankingModel).Assembly.GetManifestResourceStream(resource);
        return stream is null ? null : Load(stream, "built-in");
    }

    /// <summary>The input schema of a model reading <paramref name="features"/>: ML.NET needs the vector's length up front.</summary>
    public static SchemaDefinition Schema(FeatureSet features)
    {
        var schema = SchemaDefinition.Create(typeof(RankingRow));
        schema[nameof(RankingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        return schema;
    }

    public static RankingModel Load(Stream stream, string source)
    {
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(stream, out var input);

        // Models saved without their input schema (the first built-in one) are bound to each feature set in turn.
        var features = input is null
            ? FeatureSet.All.FirstOrDefault(set => Binds(ml, model, set))
            : FeatureSet.OfCount(input.GetColumnOrNull(nameof(RankingRow.Features))?.Type is VectorDataViewType { Size: var size } ? size : 0);
        return features is null
            ? throw new InvalidOperationException($"the model reads other features than this version's ({string.Join(" or ", FeatureSet.All.Select(set => $"{set.Count} {set.Name}"))})")
            : new RankingModel(ml, model, features, source);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<RankingRow>(), Schema(Features)).Schema, stream);
    }

    private static bool Binds(MLContext ml, ITransformer model, FeatureSet features)
    {
        try
        {
            ml.Model.CreatePredictionEngine<RankingRow, RankingScore>(model, inputSchemaDefinition: Schema(features)).Dispose();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public double Score(float[] features) => Score([features])[0];

    /// <summary>Scores one question's candidates with a single prediction engine, taken from the pool once.</summary>
    public double[] Score(IReadOnlyList<float[]> candidates)
    {
        if (_trees is not null)
        {
            var scores = new double[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                scores[i] = _trees.Score(candidates[i]);
            }

            return scores;
        }

        if (!_engines.TryTake(out var engine))
        {
            engine = CreateEngine();
        }

        try
        {
            var row = new RankingRow();
            var scores = new double[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                row.Features = candidates[i];
                scores[i] = engine.Predict(row).Score;
            }

            return scores;
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private PredictionEngine<RankingRow, RankingScore> CreateEngine() =>
        _ml.Model.CreatePredictionEngine<RankingRow, RankingScore>(_model, inputSchemaDefinition: Schema(Features));
}
