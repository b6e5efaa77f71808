using System.Text.Json;

namespace ChatBrief.Core.Tests;

public class JsonProblemTests
{
    private sealed record QuestionLine(string Id, string Question, IReadOnlyList<string>? Answers);

    [Theory]
    [InlineData("""{"id": "a", "question": """, "not valid JSON (at character 25)")]
    [InlineData("[1]", "not the expected JSON object")]
    [InlineData("""{"id": "a", "question": "q?", "answers": "one"}""", "\"answers\" has the wrong type (at character 47)")]
    public void Describe_QuestionLine_SaysWhatIsWrongWithoutDotNetTypeNames(string line, string expected)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<QuestionLine>(line, JsonSerializerOptions.Web));

        var problem = JsonProblem.Describe(exception);

        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Describe_DocumentOverSeveralLines_GivesTheLineAndCharacter()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse("{\n  \"title\": 'x'\n}"));

        Assert.Equal("not valid JSON (at line 2, character 12)", JsonProblem.Describe(exception));
    }
}
