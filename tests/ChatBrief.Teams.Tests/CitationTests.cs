using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBrief.Core.Answers;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBrief.Teams.Tests;

/// <summary>
/// Answers carry Teams citations in the shape of Microsoft's "Bot messages with AI-generated content" page: one
/// <c>https://schema.org/Message</c> entity whose <c>Claim</c> citations match the <c>[n]</c> markers of the text.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly OutgoingActivityFactory _factory = new(NullLogger<OutgoingActivityFactory>.Instance);

    [Fact]
    public void Reply_Answer_QuotesEachBestSentenceWithAMarkerAndACitation()
    {
        var results = new[]
        {
            TestData.Passage(1, "Intro. Japan and the U.S. agreed. More.", best: "Japan and the U.S. agreed."),
            TestData.Passage(2, "Second answer.", source: "report.pdf", passage: 9) with { Page = 3 },
        };

        var reply = Reply(new Answer("q", false, results));

        AssertDocumentedShape(reply);
        Assert.Equal("“Japan and the U\\.S\\. agreed\\.” [1]\n\n“Second answer\\.” [2]", reply["text"]!.GetValue<string>());
        Assert.Equal("markdown", reply["textFormat"]!.GetValue<string>());
        var citations = Citations(reply);
        Assert.Equal("Allies and cyberspace, by Kate Polit", citations[0]["appearance"]!["name"]!.GetValue<string>());
        Assert.Equal("Japan and the U.S. agreed.", citations[0]["appearance"]!["abstract"]!.GetValue<string>());
        Assert.Equal(["000_a.txt", "paragraph 4"], Keywords(citations[0]));
        Assert.Equal(["report.pdf", "page 3", "paragraph 9"], Keywords(citations[1]));
    }

    [Fact]
    public void Reply_SourceWithAWebAddress_TheCitationLinksToIt()
    {
        var reply = Reply(new Answer("q", false, [TestData.Passage(1, "A.") with { Url = "https://example.org/a" }, TestData.Passage(2, "B.")]));

        var citations = reply["entities"]![0]!["citation"]!.AsArray();
        Assert.Equal("https://example.org/a", citations[0]!["appearance"]!["url"]!.GetValue<string>());
        Assert.Null(citations[1]!["appearance"]!["url"]);
    }

    [Fact]
    public void Reply_Answer_NoAiGeneratedLabel()
    {
        var reply = Reply(new Answer("q", false, [TestData.Passage(1, "A.")]));

        Assert.Null(reply["entities"]![0]!["additionalType"]);
    }

    [Fact]
    public void Reply_Answer_KeepsTheCardWithFullQuoteAndButtonsAlongsideTheCitations()
    {
        var reply = Reply(new Answer("q", false, [TestData.Passage(1, "Before. Best sentence. After.", best: "Best sentence.")]));

        var card = reply["attachments"]![0]!["content"]!;
        Assert.Equal("Before. Best sentence. After.", card["body"]![0]!["items"]![0]!["inlines"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()).Aggregate(string.Concat));
        Assert.Equal("— [1] Allies and cyberspace, by Kate Polit (000_a.txt, paragraph 4)", card["body"]![1]!["inlines"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(["Show context", "More results"], card["body"]![2]!["actions"]!.AsArray().Concat(card["actions"]!.AsArray()).Select(a => a!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Reply_LongFields_CutToTheDocumentedLimits()
    {
        var longSentence = string.Join(' ', Enumerable.Repeat("word", 100)) + ".";
        var passage = TestData.Passage(1, longSentence) with { Title = new string('T', 120), Source = new string('s', 40) + ".txt" };

        var reply = Reply(new Answer("q", false, [passage]));

        AssertDocumentedShape(reply);
        var appearance = Citations(reply)[0]["appearance"]!;
        Assert.EndsWith("…", appearance["abstract"]!.GetValue<string>());
        Assert.EndsWith("…", appearance["name"]!.GetValue<string>());
        Assert.Equal($"“{longSentence[..^1]}\\.” [1]", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public void Reply_MoreThanTwentyResults_CitesTwentyAndStillQuotesAll()
    {
        var results = Enumerable.Range(1, 25).Select(i => TestData.Passage(i, $"Passage {i}.", passage: i)).ToList();

        var reply = Reply(new Answer("q", false, results), shown: 25);

        AssertDocumentedShape(reply);
        Assert.Equal(20, Citations(reply).Count);
        Assert.Contains("Passage 25.", reply["attachments"]!.ToJsonString());
    }

    [Fact]
    public void Reply_MarkupInSentence_EscapedButMarkerIntact()
    {
        var reply = Reply(new Answer("q", false, [TestData.Passage(1, "See [link](https://evil.example) <at>All</at> [2].")]));

        Assert.Equal(@"“See \[link\]\(https://evil\.example\) \<at\>All\</at\> \[2\]\.” [1]", reply["text"]!.GetValue<string>());
        AssertDocumentedShape(reply);
    }

    [Fact]
    public void Reply_Abstention_NoCitationsSinceNothingAnswers()
    {
        var reply = Reply(new Answer("q", true, [TestData.Passage(1, "Unrelated.")]));

        Assert.Null(reply["entities"]);
        Assert.Null(reply["text"]);
    }

    private JsonObject Reply(Answer answer, int? shown = null) =>
        _factory.Reply(TestData.Message("q"), AnswerMessages.Answer(answer, skip: 0, shown: shown ?? answer.Results.Count, offerMore: true, Now));

    private static List<JsonNode> Citations(JsonObject reply) => [.. reply["entities"]![0]!["citation"]!.AsArray().Select(c => c!)];

    private static List<string> Keywords(JsonNode citation) => [.. citation["appearance"]!["keywords"]!.AsArray().Select(k => k!.GetValue<string>())];

    /// <summary>The rules of Microsoft's page: one root message entity, at most 20 claims, each position cited in the text, and the field limits.</summary>
    private static void AssertDocumentedShape(JsonObject reply)
    {
        var entity = Assert.Single(reply["entities"]!.AsArray())!;
        Assert.Equal("https://schema.org/Message", entity["type"]!.GetValue<string>());
        Assert.Equal("Message", entity["@type"]!.GetValue<string>());
        Assert.Equal("https://schema.org", entity["@context"]!.GetValue<string>());
        var citations = entity["citation"]!.AsArray();
        Assert.InRange(citations.Count, 1, 20);
        var markers = Marker().Matches(reply["text"]!.GetValue<string>()).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(markers, citations.Select(c => c!["position"]!.GetValue<int>()));
        foreach (var citation in citations)
        {
            Assert.Equal("Claim", citation!["@type"]!.GetValue<string>());
            var appearance = citation["appearance"]!;
            Assert.Equal("DigitalDocument", appearance["@type"]!.GetValue<string>());
            Assert.InRange(appearance["name"]!.GetValue<string>().Length, 1, 80);
            Assert.InRange(appearance["abstract"]!.GetValue<string>().Length, 1, 160);
            var keywords = appearance["keywords"]!.AsArray();
            Assert.InRange(keywords.Count, 0, 3);
            Assert.All(keywords, k => Assert.InRange(k!.GetValue<string>().Length, 1, 28));
        }
    }

    // An unescaped marker: "\[2\]" is the source's own text, not a citation.
    [GeneratedRegex(@"(?<!\\)\[(\d+)\]")]
    private static partial Regex Marker();
}
