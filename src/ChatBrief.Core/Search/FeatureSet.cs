namespace ChatBrief.Core.Search;

/// <summary>
/// The named, ordered features a ranking model reads. Features are set by name (<see cref="FeatureVector"/>), so a
/// feature cannot be added in one place and missed in another; a model is bound to one set and refuses the others.
/// </summary>
public sealed class FeatureSet
{
    /// <summary>What the passage and its words show: the model for indexes without vectors, or with the semantic layer off.</summary>
    public static readonly FeatureSet Lexical = new("lexical",
    [
        "lucene", "lucene_rank", "coverage", "coverage_gap", "sentence_coverage", "sentence_coverage_gap", "sentence_bm25",
        "sentence_bm25_gap", "window_coverage", "answer_type", "expected_type", "density", "title_coverage", "sentence_share",
        "word_pairs", "passage_word_pairs", "log_length", "covered_words", "rarest_term", "missing_weight", "sentence_position",
        "same_title", "question_terms", "ordered_match", "lucene_per_weight", "synonym_coverage", "sentence_synonym_coverage",
        "sentence_soft_coverage",
    ]);

    /// <summary>The lexical features and how close the question and the passage are in meaning (cosines of their embeddings).</summary>
    public static readonly FeatureSet Semantic = new("semantic",
    [
        .. Lexical.Names,
        "cosine", "cosine_gap", "cosine_rank", "cosine_z", "top_cosine", "context_cosine",
    ]);

    private readonly Dictionary<string, int> _positions;

    private FeatureSet(string name, IReadOnlyList<string> names)
    {
        Name = name;
        Names = names;
        _positions = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }

    public static IReadOnlyList<FeatureSet> All { get; } = [Lexical, Semantic];

    public string Name { get; }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public int PositionOf(string feature) => _positions.TryGetValue(feature, out var position)
        ? position
        : throw new ArgumentException($"The {Name} features have none named '{feature}'. They are: {string.Join(", ", Names)}.", nameof(feature));

    /// <summary>The set a model with this many features was trained on, or null.</summary>
    public static FeatureSet? OfCount(int count) => All.FirstOrDefault(set => set.Count == count);
}

/// <summary>One candidate's features, filled by name; <see cref="Values"/> refuses to hand out a vector with a feature unset.</summary>
public sealed class FeatureVector(FeatureSet set)
{
    private readonly float[] _values = new float[set.Count];
    private readonly bool[] _assigned = new bool[set.Count];

    public FeatureSet Set { get; } = set;

    public float this[string feature]
    {
        get => _values[Set.PositionOf(feature)];
        set
        {
            var position = Set.PositionOf(feature);
            _values[position] = value;
            _assigned[position] = true;
        }
    }

    /// <summary>The features in the set's order.</summary>
    public float[] Values => Array.IndexOf(_assigned, false) is var missing and >= 0
        ? throw new InvalidOperationException($"The {Set.Name} feature '{Set.Names[missing]}' was never set.")
        : _values;

    /// <summary>The lexical features alone, for the lexical model when the semantic one is not at hand.</summary>
    public float[] Lexical => Values[..FeatureSet.Lexical.Count];
}
