using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBrief.Core.Passages;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// The names a source uses, learnt when it is indexed and stored with it: acronyms it defines ("Security Consultative
/// Committee (SCC or “2+2”)"), acronyms it uses, and its frequent multi-word names. Aliases and suggestions are built from
/// the union over all sources, so an update re-learns only the files that changed.
/// </summary>
public sealed record SourceVocabulary(
    IReadOnlyList<string[]> Definitions,
    IReadOnlyList<string> Acronyms,
    IReadOnlyDictionary<string, int> Names)
{
    public static SourceVocabulary Empty { get; } = new([], [], new Dictionary<string, int>());

    public static SourceVocabulary Learn(IEnumerable<Passage> passages)
    {
        var learner = new SourceVocabularyLearner();
        foreach (var passage in passages)
        {
            learner.Add(passage);
        }

        return learner.Build();
    }

    public string Serialize() => JsonSerializer.Serialize(this, VocabularyJsonContext.Default.SourceVocabulary);

    public static SourceVocabulary Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize(json, VocabularyJsonContext.Default.SourceVocabulary) ?? Empty;
        }
        catch (JsonException)
        {
            // A damaged entry costs its aliases, never the index.
            return Empty;
        }
    }
}

[JsonSerializable(typeof(SourceVocabulary))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
