using System.Text.Json;
using ChatBrief.Core.Sources.Cleaning;

namespace ChatBrief.Core.Sources;

/// <summary>
/// The optional metadata file next to a source: <c>article.txt.meta.json</c> holding
/// <c>{"title", "author", "date", "publisher", "url"}</c> (all optional strings). It lets a moderator give any file,
/// whatever its format, the citation details the text itself lacks or gets wrong.
/// </summary>
internal static class Sidecar
{
    public const string Suffix = ".meta.json";

    public static string PathFor(string sourcePath) => sourcePath + Suffix;

    public static bool IsSidecar(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The sidecar's metadata; a sidecar that cannot be used is ignored with a note rather than costing the source.</summary>
    public static ExplicitMetadata Read(string sourcePath, ICollection<string> notes)
    {
        var path = PathFor(sourcePath);
        if (!File.Exists(path))
        {
            return ExplicitMetadata.None;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                notes.Add($"ignored {Path.GetFileName(path)}: expected a JSON object");
                return ExplicitMetadata.None;
            }

            var pairs = json.RootElement.EnumerateObject()
                .Where(property => property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .Select(property => new KeyValuePair<string, string>(
                    property.Name,
                    property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? string.Empty : property.Value.GetRawText()));
            return ExplicitMetadata.FromPairs(pairs);
        }
        catch (JsonException e)
        {
            notes.Add($"ignored {Path.GetFileName(path)}: {JsonProblem.Describe(e)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notes.Add($"ignored {Path.GetFileName(path)}: cannot be read ({e.Message})");
        }

        return ExplicitMetadata.None;
    }
}
