namespace ChatBrief.Core.Search;

/// <summary>Where a cosine stands among the candidates': rank, and distance from their mean in standard deviations.</summary>
internal sealed class CosineSpread
{
    private readonly float[] _cosines;
    private readonly float _mean;
    private readonly float _deviation;

    public CosineSpread(float[] cosines)
    {
        _cosines = cosines;
        _mean = cosines.Length == 0 ? 0 : cosines.Average();
        _deviation = cosines.Length < 2 ? 0 : MathF.Sqrt(cosines.Sum(c => (c - _mean) * (c - _mean)) / cosines.Length);
        Max = cosines.Length == 0 ? 0 : cosines.Max();
    }

    public float Max { get; }

    public float RankOf(float cosine) => _cosines.Count(c => c > cosine);

    public float Standardize(float cosine) => _deviation < 1e-6f ? 0 : (cosine - _mean) / _deviation;
}
