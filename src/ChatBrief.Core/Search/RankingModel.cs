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

    [VectorType(RankingFeatures.Count)]
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
    private const string BuiltInResource = "ChatBrief.Core.Search.ranker.zip";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    // A prediction engine is not thread-safe and is costly to create, so engines are reused, one per concurrent caller.
    private readonly ConcurrentBag<PredictionEngine<RankingRow, RankingScore>> _engines = [];

    public RankingModel(MLContext ml, ITransformer model, string source = "trained in this process")
    {
        _ml = ml;
        _model = model;
        Source = source;

        // Binding the model to this version's feature vector now refuses one trained on other features at load, not at the first question.
        _engines.Add(CreateEngine());
    }

    /// <summary>Where the model came from ("built-in" or its file), for logs.</summary>
    public string Source { get; }

    public static RankingModel BuiltIn()
    {
        using var stream = typeof(RankingModel).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The built-in ranking model '{BuiltInResource}' is missing from the assembly.");
        return Load(stream, "built-in");
    }

    /// <summary>The model named by <see cref="SearchOptions.RankingModel"/>, or the built-in one.</summary>
    public static RankingModel FromOptions(SearchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RankingModel))
        {
            return BuiltIn();
        }

        var path = Path.GetFullPath(options.RankingModel);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Search:RankingModel names '{path}', which does not exist. Train one with 'chatbrief train-ranker', or leave the setting empty for the built-in model.", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream, path);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException($"Search:RankingModel names '{path}', which is not a ranking model written by this version's 'chatbrief train-ranker' ({e.Message}). Train one again, or leave the setting empty for the built-in model.", e);
        }
    }

    public static RankingModel Load(Stream stream, string source)
    {
        var ml = new MLContext(seed: 0);
        return new RankingModel(ml, ml.Model.Load(stream, out _), source);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        _ml.Model.Save(_model, null, stream);
    }

    public double Score(float[] features) => Score([features])[0];

    /// <summary>Scores one question's candidates with a single prediction engine, taken from the pool once.</summary>
    public double[] Score(IReadOnlyList<float[]> candidates)
    {
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

    private PredictionEngine<RankingRow, RankingScore> CreateEngine() => _ml.Model.CreatePredictionEngine<RankingRow, RankingScore>(_model);
}
