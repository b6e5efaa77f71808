using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBrief.Core.Sources;

/// <summary>
/// Reads a passage corpus in the docs/CONTRACTS.md corpus format: one <c>{"id","title","text"}</c> object a line,
/// each line its own one-paragraph document numbered by its line, so that citations can point back at it.
/// </summary>
public sealed class JsonlCorpusParser : IRecordParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".jsonl"];

    public IReadOnlyList<SourceDocument> Parse(SourceFile file, Stream content) => ParseRecords(file, content).ToList();

    public IEnumerable<SourceDocument> ParseRecords(SourceFile file, Stream content)
    {
        using var reader = new StreamReader(content, leaveOpen: true);
        var lineNumber = 0;
        var documents = 0;
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
            documents++;
            yield return new SourceDocument(file.Source, new DocumentMetadata(title), [new Paragraph(lineNumber, text, id)]);
        }

        if (documents == 0)
        {
            throw new InvalidSourceException("the corpus file holds no passage");
        }
    }

    // Most lines are clean already: checking first spares splitting every passage into words.
    private static string CollapseWhitespace(string text) =>
        IsCollapsed(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether the only whitespace is single spaces between words.</summary>
    private static bool IsCollapsed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

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
