namespace ChatBrief.Core.Semantic;

/// <summary>
/// Turns text into unit-length vectors whose dot product says how close two texts are in meaning. Questions and
/// passages are embedded differently (retrieval models mark the question), so each has its own method.
/// </summary>
public interface IPassageEmbedder
{
    /// <summary>Names the model and how its vectors are made; stored with each commit, so that vectors of another model are never compared.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    float[] EmbedQuestion(string question);

    /// <summary>Embeds passages (already composed by <see cref="EmbeddingText.ForPassage"/>), in the order given.</summary>
    float[][] EmbedPassages(IReadOnlyList<string> passages, CancellationToken cancellationToken = default);
}
