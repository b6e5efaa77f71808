using ChatBrief.Core.Tests.Sources;

namespace ChatBrief.Core.Tests.Answers;

/// <summary>
/// Questions typed the way people chat (lower case, shorthand, slang, mentions of the bot) answer from the seeds with
/// the semantic layer on, where the lexical test alone abstained on most of them.
/// </summary>
public class CasualPhrasingTests(CasualPhrasingTests.Seeds seeds) : IClassFixture<CasualPhrasingTests.Seeds>
{
    public sealed class Seeds() : CorpusFixture(Directory.GetFiles(TestSources.SeedsFolder).Select(path => (Path.GetFileName(path), File.ReadAllText(path))).ToArray());

    [Theory]
    [InlineData("what did pompeo say about classified info", "protect classified information")]
    [InlineData("<@123> what did kono say about the alliance", "Kono")]
    [InlineData("any word on the senkakus", "Senkaku Islands")]
    [InlineData("@ChatBrief what did shanahan think abt japan buying f-35s", "expressed appreciation for Japan buying F-35s")]
    [InlineData("does international law apply to cyberspace or nah", "international law applies in cyberspace")]
    [InlineData("what's the name of glosserman's book", "Peak Japan")]
    public async Task AskAsync_CasualPhrasing_AnswersWithThePassageFirst(string question, string expected)
    {
        var answer = await seeds.Files.AskAsync(question);

        Assert.False(answer.Abstained, $"abstained on: {question}");
        Assert.Contains(expected, answer.Results[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<@123> what did kono say")]
    [InlineData("<@!123> <#456> what did kono say")]
    public async Task AskAsync_DiscordMentions_AreNotSearchedFor(string question)
    {
        var answer = await seeds.Files.AskAsync(question);

        Assert.DoesNotContain("123", answer.Question, StringComparison.Ordinal);
        Assert.Contains("Kono", answer.Results[0].Text, StringComparison.Ordinal);
    }
}
