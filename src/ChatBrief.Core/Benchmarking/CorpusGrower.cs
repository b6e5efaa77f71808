using System.Text.Json;
using ChatBrief.Core.Passages;

namespace ChatBrief.Core.Benchmarking;

/// <summary>One line of a corpus file (docs/CONTRACTS.md, "Corpus files").</summary>
public sealed record CorpusPassage(string Id, string Title, string Text);

/// <summary>
/// Grows a corpus to a size that nobody has at hand, for <c>bench</c>. New passages recombine the corpus's own sentences,
/// so that the vocabulary, the term statistics and the passage lengths stay those of real text; a fixed seed makes the
/// same corpus grow the same way every time, so runs compare.
/// </summary>
public static class CorpusGrower
{
    public const int Seed = 20190419;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<CorpusPassage> Read(string path)
    {
        var passages = new List<CorpusPassage>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var passage = JsonSerializer.Deserialize<CorpusPassage>(line, Json);
            if (passage is not { Id.Length: > 0, Text.Length: > 0 })
            {
                throw new InvalidDataException($"{path}, line {number}: a corpus line needs an id and a text, as in docs/CONTRACTS.md.");
            }

            passages.Add(passage with { Title = passage.Title ?? "" });
        }

        return passages;
    }

    /// <summary>
    /// The corpus's own passages first, then as many new ones as needed to reach <paramref name="passages"/>: each takes
    /// the title and the sentence count of a passage drawn at random, and as many sentences drawn at random from the
    /// whole corpus.
    /// </summary>
    public static IEnumerable<CorpusPassage> Grow(IReadOnlyList<CorpusPassage> corpus, int passages)
    {
        foreach (var passage in corpus.Take(passages))
        {
            yield return passage;
        }

        if (passages <= corpus.Count)
        {
            yield break;
        }

        var sentenceCounts = corpus.Select(p => Math.Max(1, SentenceSplitter.Split(p.Text).Count)).ToArray();
        var sentences = corpus
            .SelectMany(p => SentenceSplitter.Split(p.Text).Select(span => p.Text.Substring(span.Start, span.Length).Trim()))
            .Where(s => s.Length > 0)
            .ToArray();
        if (sentences.Length == 0)
        {
            yield break;
        }

        var random = new Random(Seed);
        for (var i = corpus.Count; i < passages; i++)
        {
            var template = random.Next(corpus.Count);
            var text = string.Join(' ', Enumerable.Range(0, sentenceCounts[template]).Select(_ => sentences[random.Next(sentences.Length)]));
            yield return new CorpusPassage($"grown-{i}", corpus[template].Title, text);
        }
    }

    /// <summary>Writes passages in the corpus format, so that another engine can index exactly what ChatBrief indexed.</summary>
    public static void Write(IEnumerable<CorpusPassage> passages, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var passage in passages)
        {
            writer.WriteLine(JsonSerializer.Serialize(new { id = passage.Id, title = passage.Title, text = passage.Text }));
        }
    }
}
