using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ChatBrief.Core.Semantic;

/// <summary>
/// A unit vector stored as one signed byte a dimension plus one float scale: 388 bytes for 384 dimensions, so a million
/// passages take about 390 MB, and cosines stay within about 0.005 of the float ones.
/// </summary>
public static class QuantizedVector
{
    public static int ByteLength(int dimensions) => dimensions + sizeof(float);

    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var max = 0f;
        foreach (var x in vector)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        var scale = max == 0 ? 1 : max / 127f;
        var bytes = new byte[ByteLength(vector.Length)];
        for (var i = 0; i < vector.Length; i++)
        {
            bytes[i] = (byte)(sbyte)Math.Round(vector[i] / scale);
        }

        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(vector.Length), scale);
        return bytes;
    }

    /// <summary>A question vector in the same byte form, for the integer dot products of <see cref="Dot"/>.</summary>
    public static (sbyte[] Components, float Scale) Quantize(ReadOnlySpan<float> vector)
    {
        var bytes = Encode(vector);
        return (MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan(0, vector.Length)).ToArray(), BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(vector.Length)));
    }

    /// <summary>The integer dot product of two quantised vectors; multiply by both scales for the cosine.</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<sbyte>.Count)
        {
            var accumulator = Vector<int>.Zero;
            for (; i <= a.Length - Vector<sbyte>.Count; i += Vector<sbyte>.Count)
            {
                // 127 * 127 fits a short, and a sum of two such products still does; widen to int before adding more.
                Vector.Widen(new Vector<sbyte>(a[i..]), out var aLow, out var aHigh);
                Vector.Widen(new Vector<sbyte>(b[i..]), out var bLow, out var bHigh);
                Vector.Widen(aLow * bLow, out var p1, out var p2);
                Vector.Widen(aHigh * bHigh, out var p3, out var p4);
                accumulator += p1 + p2 + p3 + p4;
            }

            sum = Vector.Sum(accumulator);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
