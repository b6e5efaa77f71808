using System.Text;
using System.Text.Json.Nodes;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.MessageExtension;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ChatBrief.Teams.Tests;

/// <summary>
/// The search-based message extension, checked against Microsoft's "Respond to search command" page: a
/// <c>composeExtension/query</c> invoke is answered with a <c>result</c> list of Adaptive Cards, each with a thumbnail preview.
/// </summary>
public sealed class SearchExtensionTests
{
    private readonly Mock<IAnswerService> _answers = new();
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TryRead_DocumentedQuery_ReadsTheTextAndPage()
    {
        var query = SearchQuery.TryRead(TestData.Json("""{"commandId":"searchSources","parameters":[{"name":"question","value":" who signed? "}],"queryOptions":{"skip":0,"count":25}}"""));

        Assert.Equal(new SearchQuery("who signed?", 0, SearchQuery.MaxCount), query);
    }

    [Theory]
    [InlineData("""{"commandId":"other","parameters":[{"name":"question","value":"q"}]}""")]
    [InlineData("""{"parameters":[{"name":"question","value":"q"}]}""")]
    [InlineData("""[1,2]""")]
    public void TryRead_NotThisExtensionsQuery_Null(string json) => Assert.Null(SearchQuery.TryRead(TestData.Json(json)));

    [Fact]
    public async Task RespondAsync_Matches_ResultListOfCitedCardsWithThumbnailPreviewsUnderTheSizeLimit()
    {
        var passage = TestData.Passage(1, "Intro. The treaty was signed in Tokyo. More.", best: "The treaty was signed in Tokyo.") with { AlsoIn = [new PassageReference("b.txt", 2)] };
        _answers.Setup(a => a.AskAsync(new AskRequest("who signed?", SearchQuery.MaxCount, 0, SearchExtensionResponder.Door), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("who signed?", false, [passage, TestData.Passage(2, "Second.", passage: 9)]));

        var response = await Responder().RespondAsync(Query("who signed?"), CancellationToken.None);

        var result = response["composeExtension"]!;
        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Equal("list", result["attachmentLayout"]!.GetValue<string>());
        var attachments = result["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        foreach (var attachment in attachments)
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", attachment!["contentType"]!.GetValue<string>());
            Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
            Assert.InRange(Encoding.Unicode.GetByteCount(attachment["content"]!.ToJsonString()), 1, PassageCard.MaxCardBytes);
            Assert.Equal("application/vnd.microsoft.card.thumbnail", attachment["preview"]!["contentType"]!.GetValue<string>());
            Assert.DoesNotContain("Action.Submit", attachment.ToJsonString());
        }

        var first = attachments[0]!;
        Assert.Equal(
            ["Intro. ", "The treaty was signed in Tokyo.", " More.", "— Allies and cyberspace, by Kate Polit (000_a.txt, paragraph 4)", "Also in: b.txt, paragraph 2"],
            Texts(first["content"]!));
        var preview = first["preview"]!["content"]!;
        Assert.Equal("Allies and cyberspace, by Kate Polit", preview["title"]!.GetValue<string>());
        Assert.Equal(@"000\_a\.txt, paragraph 4", preview["subtitle"]!.GetValue<string>());
        Assert.Equal(@"The treaty was signed in Tokyo\.", preview["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task RespondAsync_Abstained_ClosestMatchesSayWhatTheyAreInThePreview()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Answer("q", true, [TestData.Passage(1, "Unrelated.")]));

        var response = await Responder().RespondAsync(Query("q"), CancellationToken.None);

        Assert.StartsWith(PassageCard.ClosestMatch, response["composeExtension"]!["attachments"]![0]!["preview"]!["content"]!["subtitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task RespondAsync_NothingFound_SaysTheSourcesDoNotAnswer()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Answer("q", true, []));

        var response = await Responder().RespondAsync(Query("q"), CancellationToken.None);

        Assert.Equal("message", response["composeExtension"]!["type"]!.GetValue<string>());
        Assert.Equal(AnswerWording.Abstention, response["composeExtension"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task RespondAsync_NothingTyped_AsksForAQuestionWithoutSearching()
    {
        var response = await Responder().RespondAsync(Query("  "), CancellationToken.None);

        Assert.Equal(SearchExtensionResponder.TypeAQuestion, response["composeExtension"]!["text"]!.GetValue<string>());
        _answers.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RespondAsync_IndexNotReady_SaysSo()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IndexNotReadyException());

        var response = await Responder().RespondAsync(Query("q"), CancellationToken.None);

        Assert.Equal(InfoMessages.IndexNotReady, response["composeExtension"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task RespondAsync_SearchSlowerThanTheBudget_AnswersInTimeAskingToTryAgain()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<Answer>().Task);

        var responding = Responder().RespondAsync(Query("q"), CancellationToken.None);
        Assert.False(responding.IsCompleted);
        _clock.Advance(SearchExtensionResponder.Budget);
        var response = await responding;

        Assert.Equal(SearchExtensionResponder.TooSlow, response["composeExtension"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task RespondAsync_PassageTooLargeForACard_LeftOutOfTheResults()
    {
        _answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer("q", false, [TestData.Passage(1, new string('x', 20_000)), TestData.Passage(2, "Small.", passage: 5)]));

        var response = await Responder().RespondAsync(Query("q"), CancellationToken.None);

        var attachment = Assert.Single(response["composeExtension"]!["attachments"]!.AsArray());
        Assert.Contains("Small.", Texts(attachment!["content"]!));
    }

    private SearchExtensionResponder Responder() => new(_answers.Object, _clock, NullLogger<SearchExtensionResponder>.Instance);

    private static InboundActivity Query(string text) => TestData.Message("") with
    {
        Type = ActivityTypes.Invoke,
        Name = SearchQuery.InvokeName,
        Value = TestData.Json(new JsonObject
        {
            ["commandId"] = SearchQuery.CommandId,
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = SearchQuery.ParameterName, ["value"] = text }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        }.ToJsonString()),
    };

    private static List<string> Texts(JsonNode card) =>
        [.. card.Descendants().Where(n => n["type"]?.GetValue<string>() == "TextRun").Select(n => n["text"]!.GetValue<string>())];
}

/// <summary>Walks card JSON, to find its text runs and buttons wherever the layout nests them.</summary>
internal static class JsonNodeDescendants
{
    public static IEnumerable<JsonObject> Descendants(this JsonNode node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => p.Value is null ? [] : p.Value.Descendants())],
        JsonArray a => a.SelectMany(n => n is null ? [] : n.Descendants()),
        _ => [],
    };
}
