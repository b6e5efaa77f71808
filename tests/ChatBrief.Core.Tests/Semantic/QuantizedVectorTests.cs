using ChatBrief.Core.Semantic;

namespace ChatBrief.Core.Tests.Semantic;

public class QuantizedVectorTests
{
    private static float[] UnitVector(int seed)
    {
        var random = new Random(seed);
        var vector = Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    [Fact]
    public void Encode_TakesOneByteADimensionAndAScale()
    {
        Assert.Equal(388, QuantizedVector.Encode(UnitVector(1)).Length);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 9)]
    public void Dot_OfQuantisedVectors_IsCloseToTheFloatCosine(int a, int b)
    {
        var (x, y) = (UnitVector(a), UnitVector(b));
        var exact = x.Zip(y, (p, q) => p * q).Sum();
        var (qx, sx) = QuantizedVector.Quantize(x);
        var (qy, sy) = QuantizedVector.Quantize(y);

        var approximate = QuantizedVector.Dot(qx, qy) * sx * sy;

        Assert.InRange(approximate - exact, -0.01f, 0.01f);
    }

    [Fact]
    public void Dot_LengthNotAMultipleOfTheSimdWidth_CountsTheTail()
    {
        sbyte[] a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];

        Assert.Equal(a.Sum(x => x * x), QuantizedVector.Dot(a, a));
    }
}
