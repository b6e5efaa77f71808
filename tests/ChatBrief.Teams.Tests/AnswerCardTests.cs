using System.Text.Json.Nodes;
using ChatBrief.Core.Answers;
using ChatBrief.Teams.Messages;
using ChatBrief.Core;
using ChatBrief.Teams.Connector;
using ChatBrief.Teams.Conversation;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Teams.Tests;

/// <summary>Answer cards: what they show, how source text is escaped, and that they stay under Teams' size limit.</summary>
public sealed class AnswerCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly OutgoingActivityFactory _factory = new(NullLogger<OutgoingActivityFactory>.Instance);

    [Fact]
    public void Answer_Result_QuotesExactlyWithBestSentenceBold()
    {
        var passage = TestData.Passage(1, "First sentence. The best one. Last.", best: "The best one.");

        var card = Card(AnswerMessages.Answer(new Answer("q", false, [passage]), skip: 0, shown: 1, offerMore: true, Now));

        var runs = Runs(card).ToList();
        Assert.Equal("First sentence. The best one. Last.", string.Concat(runs.Take(3).Select(r => r["text"]!.GetValue<string>())));
        Assert.Equal("The best one.", runs.Single(r => r["weight"]?.GetValue<string>() == "Bolder").RunText());
    }

    [Fact]
    public void Answer_Result_ShowsCitationAlsoInAndIndexAge()
    {
        var passage = TestData.Passage(1, "Text.") with { AlsoIn = [new PassageReference("002_b.txt", 1)] };

        var text = Text(Card(AnswerMessages.Answer(new Answer("q", false, [passage]) { IndexBuiltAt = Now.AddMinutes(-5) }, 0, 1, offerMore: true, Now)));

        Assert.Contains("— [1] Allies and cyberspace, by Kate Polit (000_a.txt, paragraph 4)", text);
        Assert.Contains("Also in: 002_b.txt, paragraph 1", text);
        Assert.Contains("Index built 5 minutes ago (2026-11-23 09:55 UTC).", text);
    }

    [Fact]
    public void Answer_PagedSource_CitationAndAlsoInNameThePage()
    {
        var passage = TestData.Passage(1, "Text.") with { Source = "report.pdf", Page = 2, AlsoIn = [new PassageReference("b.pdf", 9, Page: 3)] };

        var text = Text(Card(AnswerMessages.Answer(new Answer("q", false, [passage]), 0, 1, offerMore: true, Now)));

        Assert.Contains("— [1] Allies and cyberspace, by Kate Polit (report.pdf, page 2, paragraph 4)", text);
        Assert.Contains("Also in: b.pdf, page 3, paragraph 9", text);
    }

    [Fact]
    public void Answer_CorrectedSlip_SaysWhatWasSearched()
    {
        var answer = new Answer("q", false, [TestData.Passage(1, "Text.")]) { Corrections = [new CorrectedWord("Iwya", "Iwaya")] };

        var text = Text(Card(AnswerMessages.Answer(answer, 0, 1, offerMore: true, Now)));

        Assert.Contains("Searched for “Iwaya” instead of “Iwya”.", text);
    }

    [Fact]
    public void Answer_Results_HaveShowContextAndMoreResultsButtons()
    {
        var card = Card(AnswerMessages.Answer(new Answer("who?", false, [TestData.Passage(1, "A."), TestData.Passage(2, "B.", source: "b.txt", passage: 7)]), 0, 2, offerMore: true, Now));

        var actions = Submits(card).ToList();
        Assert.Equal(["Show context", "Show context", "More results"], actions.Select(a => a["title"]!.GetValue<string>()));
        Assert.Equal($$"""{"chatbrief":"context","source":"b.txt","passage":7,"fingerprint":"{{PassageFingerprint.Of("B.")}}"}""", actions[1]["data"]!.ToJsonString());
        Assert.Equal("""{"chatbrief":"more","question":"who?","skip":2}""", actions[2]["data"]!.ToJsonString());
    }

    [Fact]
    public void Answer_FewerResultsThanAskedFor_NoMoreResultsButton()
    {
        var card = Card(AnswerMessages.Answer(new Answer("who?", false, [TestData.Passage(1, "A.")]), 0, 1, offerMore: false, Now));

        Assert.DoesNotContain(Submits(card), a => a["title"]!.GetValue<string>() == "More results");
    }

    [Fact]
    public void Answer_Abstained_SaysSoWithAtMostThreeClosestMatchesEachWithItsTextAndContext()
    {
        var matches = Enumerable.Range(1, 5).Select(i => TestData.Passage(i, $"Unrelated passage {i}.", passage: i)).ToList();

        var card = Card(AnswerMessages.Answer(new Answer("q", true, matches), 0, matches.Count, offerMore: true, Now));

        var lines = Text(card).Split('\n');
        Assert.Equal("The sources don't answer this question.", lines[0]);
        Assert.Equal("Closest matches (not answers):", lines[1]);
        Assert.Equal(3, lines.Count(l => l.Contains("(000_a.txt, paragraph", StringComparison.Ordinal)));
        Assert.Equal(["Unrelated passage 1.", "Unrelated passage 2.", "Unrelated passage 3."], lines.Where(l => l.StartsWith("Unrelated", StringComparison.Ordinal)));
        Assert.Equal(["Show context", "Show context", "Show context"], Submits(card).Select(a => a["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Answer_AbstainedWithoutMatches_OnlyTheAbstention()
    {
        var card = Card(AnswerMessages.Answer(new Answer("q", true, []), 0, 0, offerMore: true, Now));

        Assert.Equal("The sources don't answer this question.", Text(card));
        Assert.Empty(Submits(card));
    }

    [Fact]
    public void Write_MarkupInPassage_StaysLiteralText()
    {
        const string hostile = "**bold** [click](https://evil.example) <b>html</b> <at>Everyone</at> ${name} {{DATE(2017-02-14T06:08:39Z, SHORT)}}";
        var message = AnswerMessages.Answer(new Answer("q", false, [TestData.Passage(1, hostile)]), 0, 1, offerMore: true, Now);

        var card = Card(message);

        Assert.DoesNotContain(Descendants(card), node => node["type"]?.GetValue<string>() == "TextBlock");
        var quoted = Runs(card).First().RunText();
        Assert.Equal(hostile.Replace("{{", "{\u200B{"), quoted);
        Assert.DoesNotContain("{{", card.ToJsonString());
    }

    [Fact]
    public void Write_MarkupInPassage_EscapedInMarkdownFallback()
    {
        var card = Card(new TeamsMessage(new Paragraph("**bold** [x](y) <b>")));

        Assert.Equal(@"\*\*bold\*\* \[x\]\(y\) \<b\>", card["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public void Reply_AnyMessage_PlainTextSummaryAndNothingThatCouldMention()
    {
        var reply = _factory.Reply(TestData.Message("q"), new TeamsMessage(new Paragraph("Plain words.")));

        Assert.Equal("Plain words.", reply["summary"]!.GetValue<string>());
        Assert.Null(reply["text"]);
        Assert.Null(reply["entities"]);
    }

    [Fact]
    public void Reply_OversizedMessage_ReplacedByNoticeUnderLimit()
    {
        var huge = new TeamsMessage(new Paragraph(new string('x', 60_000)));

        var reply = _factory.Reply(TestData.Message("q"), huge);

        Assert.True(OutgoingActivityFactory.MeasureBytes(reply) <= OutgoingActivityFactory.MaxMessageBytes);
        Assert.Contains("too large to show in Teams", reply.ToJsonString());
    }

    [Fact]
    public async Task AnswerAsync_ResultsTooLargeTogether_DropsLastResultsToFit()
    {
        var big = Enumerable.Range(1, 3).Select(i => TestData.Passage(i, new string((char)('a' + i), 6_000), passage: i)).ToList();
        var answers = new Mock<IAnswerService>();
        answers.Setup(a => a.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Answer("q", false, big));
        var replier = new TurnReplier(Mock.Of<IBotConnector>(), _factory, TimeProvider.System, NullLogger<TurnReplier>.Instance);
        var responder = new QuestionResponder(answers.Object, Microsoft.Extensions.Options.Options.Create(new SearchOptions()), replier, TimeProvider.System, TestData.Pace(), TestData.Feedback());
        var turn = TestData.Turn(TestData.Message("q"));

        var message = await responder.AnswerAsync(turn, "q", 0, CancellationToken.None);

        var reply = _factory.Reply(turn.Activity, message);
        Assert.True(OutgoingActivityFactory.MeasureBytes(reply) <= OutgoingActivityFactory.MaxMessageBytes);
        Assert.Contains(new string('c', 6_000), reply.ToJsonString());
        Assert.DoesNotContain(new string('d', 6_000), reply.ToJsonString());
        Assert.Equal(2, Submits(Card(message)).Single(a => a["title"]!.GetValue<string>() == "More results")["data"]!["skip"]!.GetValue<int>());
    }

    private static JsonObject Card(TeamsMessage message) => AdaptiveCardWriter.Write(message);

    private static IEnumerable<JsonObject> Descendants(JsonNode node) => node.Descendants();

    private static IEnumerable<JsonObject> Runs(JsonNode card) => Descendants(card).Where(n => n["type"]?.GetValue<string>() == "TextRun");

    private static IEnumerable<JsonObject> Submits(JsonNode card) => Descendants(card).Where(n => n["type"]?.GetValue<string>() == "Action.Submit");

    private static string Text(JsonObject card) => string.Join("\n", Runs(card["body"]!).Select(r => r.RunText()));
}

internal static class TextRunExtensions
{
    public static string RunText(this JsonObject run) => run["text"]!.GetValue<string>();
}
