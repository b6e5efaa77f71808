using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ChatBrief.Core.Semantic;

/// <summary>
/// The passage vectors of one index commit, read from its doc values when its searcher opens and addressed by that
/// searcher's document numbers, so a vector can never be paired with a passage of another commit. Questions are compared
/// with every vector (an exact scan); at SQuAD size that takes well under a millisecond.
/// </summary>
public sealed class PassageVectors
{
    private readonly sbyte[] _components;
    private readonly float[] _scales;
    private readonly int[] _documents;

    private PassageVectors(int dimensions, sbyte[] components, float[] scales, int[] documents, int maxDoc)
    {
        Dimensions = dimensions;
        _components = components;
        _scales = scales;
        _documents = documents;
        Rows = new int[maxDoc];
        Array.Fill(Rows, -1);
        for (var row = 0; row < documents.Length; row++)
        {
            Rows[documents[row]] = row;
        }
    }

    public int Dimensions { get; }

    /// <summary>How many passages have a vector.</summary>
    public int Count => _documents.Length;

    // Document number to row, -1 for documents without a vector (deleted, source records).
    private int[] Rows { get; }

    /// <summary>Reads every live document's vector from <paramref name="field"/>; null when no document has one.</summary>
    public static PassageVectors? Load(IndexReader reader, string field, int dimensions)
    {
        var length = QuantizedVector.ByteLength(dimensions);

        // Sized for every live document up front: growing lists would briefly need twice the memory at a million passages.
        var components = new sbyte[(long)reader.NumDocs * dimensions];
        var scales = new float[reader.NumDocs];
        var documents = new int[reader.NumDocs];
        var count = 0;
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var values = atomic.GetBinaryDocValues(field);
            if (values is null)
            {
                continue;
            }

            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                values.Get(doc, bytes);
                if (bytes.Length != length)
                {
                    continue;
                }

                var span = bytes.Bytes.AsSpan(bytes.Offset, bytes.Length);
                MemoryMarshal.Cast<byte, sbyte>(span[..dimensions]).CopyTo(components.AsSpan(count * dimensions, dimensions));
                scales[count] = BinaryPrimitives.ReadSingleLittleEndian(span[dimensions..]);
                documents[count] = leaf.DocBase + doc;
                count++;
            }
        }

        return count == 0 ? null : new PassageVectors(dimensions, components, scales, documents.AsSpan(0, count).ToArray(), reader.MaxDoc);
    }

    public bool Has(int document) => document < Rows.Length && Rows[document] >= 0;

    /// <summary>A document's vector in its stored form, or null when it has none.</summary>
    public byte[]? Encoded(int document)
    {
        if (!Has(document))
        {
            return null;
        }

        var row = Rows[document];
        var bytes = new byte[QuantizedVector.ByteLength(Dimensions)];
        MemoryMarshal.Cast<sbyte, byte>(_components.AsSpan(row * Dimensions, Dimensions)).CopyTo(bytes);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(Dimensions), _scales[row]);
        return bytes;
    }

    /// <summary>The cosine of a question with a document's passage, or null when the passage has no vector.</summary>
    public float? Cosine(QuestionVector question, int document)
    {
        if (!Has(document))
        {
            return null;
        }

        var row = Rows[document];
        return QuantizedVector.Dot(question.Components, _components.AsSpan(row * Dimensions, Dimensions)) * question.Scale * _scales[row];
    }

    /// <summary>The <paramref name="k"/> passages closest to the question, closest first.</summary>
    public IReadOnlyList<(int Document, float Cosine)> Nearest(QuestionVector question, int k)
    {
        var best = new PriorityQueue<(int Document, float Cosine), float>(k + 1);
        for (var row = 0; row < _documents.Length; row++)
        {
            var cosine = QuantizedVector.Dot(question.Components, _components.AsSpan(row * Dimensions, Dimensions)) * question.Scale * _scales[row];
            if (best.Count < k)
            {
                best.Enqueue((_documents[row], cosine), cosine);
            }
            else if (cosine > best.Peek().Cosine)
            {
                best.EnqueueDequeue((_documents[row], cosine), cosine);
            }
        }

        var nearest = new List<(int, float)>(best.Count);
        while (best.TryDequeue(out var item, out _))
        {
            nearest.Add(item);
        }

        nearest.Reverse();
        return nearest;
    }
}

/// <summary>A question's embedding in the quantised form that <see cref="PassageVectors"/> compares with.</summary>
public sealed class QuestionVector
{
    public QuestionVector(float[] vector)
    {
        (Components, Scale) = QuantizedVector.Quantize(vector);
    }

    public sbyte[] Components { get; }

    public float Scale { get; }
}
