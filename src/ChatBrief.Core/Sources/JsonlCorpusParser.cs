using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBrief.Core.Sources;

/// <summary>
/// Reads a passage corpus in the docs/CONTRACTS.md corpus format: one <c>{"id","title","text"}</c> object a line,
/// each line its own one-paragraph document numbered by its line, so that citations can point back at it.
/// </summary>
public sealed class JsonlCorpusParser : IDocumentParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".jsonl"];

    public IReadOnlyList<SourceDocument> Parse(SourceFile file, Stream content)
    {
        var documents = new List<SourceDocument>();
        using var reader = new StreamReader(content);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var entry = ParseLine(line, lineNumber);
            var text = CollapseWhitespace(entry.Text);
            if (text.Length == 0)
            {
                continue;
            }

            var id = string.IsNullOrWhiteSpace(entry.Id) ? $"{file.Source}#{lineNumber}" : entry.Id;
            var title = string.IsNullOrWhiteSpace(entry.Title) ? id : CollapseWhitespace(entry.Title);
            documents.Add(new SourceDocument(file.Source, new DocumentMetadata(title), [new Paragraph(lineNumber, text, id)]));
        }

        return documents.Count > 0 ? documents : throw new InvalidSourceException("the corpus file holds no passage");
    }

    private static string CollapseWhitespace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static CorpusLine ParseLine(string line, int lineNumber)
    {
        try
        {
            return JsonSerializer.Deserialize(line, CorpusJsonContext.Default.CorpusLine)
                ?? throw new InvalidSourceException($"line {lineNumber} is null, not a passage object");
        }
        catch (JsonException e)
        {
            // One bad line makes the whole file suspect (truncated upload, wrong format): skip it whole and say where.
            throw new InvalidSourceException($"line {lineNumber}: {JsonProblem.Describe(e)}, not a passage object");
        }
    }
}

internal sealed record CorpusLine(string? Id, string? Title, string? Text)
{
    public string Text { get; init; } = Text ?? "";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CorpusLine))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext;
