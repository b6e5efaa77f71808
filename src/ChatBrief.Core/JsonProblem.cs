using System.Text.Json;

namespace ChatBrief.Core;

/// <summary>
/// Says what is wrong with JSON that could not be read, and where, in words a person editing the file can act on:
/// System.Text.Json's own messages name .NET types ("could not be converted to IReadOnlyList`1[System.String]").
/// </summary>
internal static class JsonProblem
{
    public static string Describe(JsonException exception)
    {
        if (IsSyntaxError(exception))
        {
            return $"not valid JSON (at {Position(exception)})";
        }

        return exception.Path is null or "$"
            ? "not the expected JSON object"
            : $"\"{exception.Path.TrimStart('$', '.')}\" has the wrong type (at {Position(exception)})";
    }

    // The reader's own exception (a derived type, or the inner one of the serializer's) means the text is not JSON at all.
    private static bool IsSyntaxError(JsonException exception) =>
        exception.GetType() != typeof(JsonException) || exception.InnerException is JsonException;

    private static string Position(JsonException exception)
    {
        var character = $"character {exception.BytePositionInLine + 1}";
        return exception.LineNumber is > 0 ? $"line {exception.LineNumber + 1}, {character}" : character;
    }
}
