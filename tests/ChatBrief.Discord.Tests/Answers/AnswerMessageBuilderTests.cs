using System.Text.Json;
using ChatBrief.Core.Answers;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Discord.Tests.Answers;

public class AnswerMessageBuilderTests
{
    private readonly AnswerMessageBuilder _builder = new(new FakeTimeProvider(Samples.Now));

    [Fact]
    public void Build_Answer_QuotesWithBoldBestSentenceCitationAndIndexAge()
    {
        var answer = Samples.Answer(Samples.Passage(alsoIn: [new PassageReference("002_b.txt", 1)]));

        var message = _builder.Build("who signed?", answer, skip: 0, pageSize: 3);

        var embed = Assert.Single(message.Embeds);
        Assert.Equal("who signed?", embed.Title);
        Assert.Equal("The treaty covers cyberattacks. **It was signed in Tokyo.** Both sides agreed.", embed.Description);
        Assert.Equal("Allies in space, by A. Writer\n000\\_a0faeb7ade4ac0d7.txt, paragraph 4", embed.Fields![0].Value);
        Assert.Equal("Also in", embed.Fields[1].Name);
        Assert.Equal("002\\_b.txt, paragraph 1", embed.Fields[1].Value);
        Assert.Equal("index built 3 hours ago", embed.Footer!.Text);
    }

    [Fact]
    public void Build_PagedSources_CitationsNameThePage()
    {
        var passage = Samples.Passage(alsoIn: [new PassageReference("b.pdf", 9, Page: 3)]) with { Source = "report.pdf", Page = 2 };

        var message = _builder.Build("who signed?", Samples.Answer(passage), skip: 0, pageSize: 3);

        var embed = Assert.Single(message.Embeds);
        Assert.Equal("Allies in space, by A. Writer\nreport.pdf, page 2, paragraph 4", embed.Fields![0].Value);
        Assert.Equal("b.pdf, page 3, paragraph 9", embed.Fields[1].Value);
    }

    [Fact]
    public void Build_SourceWithAWebAddress_ThePlaceLinksToIt()
    {
        var passage = Samples.Passage() with { Source = "report.pdf", Page = 2, Url = "https://example.org/report.pdf#page=2" };

        var message = _builder.Build("who signed?", Samples.Answer(passage), skip: 0, pageSize: 3);

        Assert.Equal("Allies in space, by A. Writer\n[report.pdf, page 2, paragraph 4](<https://example.org/report.pdf#page=2>)", Assert.Single(message.Embeds).Fields![0].Value);
    }

    [Fact]
    public void Build_AbstainedOnPagedSource_ClosestMatchNamesThePage()
    {
        var answer = new Answer("who?", true, [Samples.Passage() with { Source = "report.pdf", Page = 2 }]);

        var message = _builder.Build("who?", answer, skip: 0, pageSize: 3);

        Assert.Equal("Closest match: Allies in space, page 2, paragraph 4", Assert.Single(message.Embeds).Fields![0].Name);
    }

    [Fact]
    public void Build_HugePassages_StaysWithinEveryDiscordLimit()
    {
        var huge = string.Concat(Enumerable.Range(1, 400).Select(i => $"Sentence *{i}* with _markdown_ <@{i}>. "));
        var manyAlso = Enumerable.Range(1, 200).Select(i => new PassageReference($"source_{i}.txt", i)).ToList();
        var answer = Samples.Answer(Enumerable.Range(1, 5).Select(rank => Samples.Passage(rank, huge, $"Sentence *{rank * 50}* with _markdown_ <@{rank * 50}>.", alsoIn: manyAlso)).ToArray());

        var message = _builder.Build(new string('?', 300), answer, skip: 0, pageSize: 5);

        Assert.Equal(5, message.Embeds.Count);
        Assert.True(message.Embeds.Sum(MessageLimits.CountedLength) <= 6000);
        Assert.All(message.Embeds, embed => Assert.True(embed.Description!.Length <= 4096));
        Assert.All(message.Embeds.SelectMany(embed => embed.Fields!), field => Assert.True(field.Value.Length <= 1024));
        Assert.All(message.Embeds, embed => Assert.Contains("**", embed.Description));
        Assert.Contains(message.Embeds[0].Fields!, field => field.Name == "Also in" && field.Value.EndsWith("more", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Abstained_SaysTheSourcesDoNotAnswerAndListsAtMostThreeClosestMatches()
    {
        var answer = new Answer("who?", true, Enumerable.Range(1, 5).Select(rank => Samples.Passage(rank)).ToList());

        var message = _builder.Build("who?", answer, skip: 0, pageSize: 3);

        var embed = Assert.Single(message.Embeds);
        Assert.StartsWith("The sources don't answer this question.", embed.Description);
        Assert.Equal(3, embed.Fields!.Count);
        Assert.All(embed.Fields, field => Assert.StartsWith("Closest match:", field.Name));
        Assert.All(embed.Fields, field => Assert.DoesNotContain("**", field.Value));
        Assert.DoesNotContain(message.Components.SelectMany(row => row.Components), button => button.Label == "More results");
    }

    [Fact]
    public void Build_FullPage_OffersMoreResultsAndContextButtons()
    {
        var answer = Samples.Answer(Samples.Passage(1, passage: 1), Samples.Passage(2, passage: 2));

        var message = _builder.Build("who signed?", answer, skip: 0, pageSize: 2);

        var buttons = message.Components.SelectMany(row => row.Components).ToList();
        Assert.Equal("cb1:page:2", buttons.Single(button => button.Label == "More results").CustomId);
        var fingerprint = PassageFingerprint.Of(answer.Results[0].Text);
        Assert.Equal([$"cb1:ctx:0:1~{fingerprint}:000_a0faeb7ade4ac0d7.txt", $"cb1:ctx:0:2~{fingerprint}:000_a0faeb7ade4ac0d7.txt"], buttons.Where(button => button.Label.StartsWith("Show context", StringComparison.Ordinal)).Select(button => button.CustomId));
    }

    [Fact]
    public void Build_QuestionTooLongToCarry_OffersNoPagingButtons()
    {
        var answer = Samples.Answer(Samples.Passage(1), Samples.Passage(2, passage: 5));

        var message = _builder.Build(string.Join(' ', Enumerable.Repeat("why", 200)), answer, skip: 0, pageSize: 2);

        Assert.DoesNotContain(message.Components.SelectMany(row => row.Components), button => button.CustomId.StartsWith("cb1:page", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ShortenedQuestionOnALaterPage_SaysBothInTheFooter()
    {
        var answer = Samples.Answer(Samples.Passage(rank: 4)) with { QuestionShortened = true };

        var message = _builder.Build("who?", answer, skip: 3, pageSize: 3);

        Assert.Equal("index built 3 hours ago · results from #4 · Your question was long, so only its first part was searched.", message.Embeds[^1].Footer!.Text);
        Assert.Equal("cb1:page:0", message.Components[0].Components[0].CustomId);
    }

    [Fact]
    public void Build_CorrectedSlips_SaysWhatWasSearchedInTheFooter()
    {
        var answer = Samples.Answer(Samples.Passage()) with { Corrections = [new CorrectedWord("Iwya", "Iwaya"), new CorrectedWord("Senkau", "Senkaku")] };

        var message = _builder.Build("who?", answer, skip: 0, pageSize: 3);

        Assert.Equal("index built 3 hours ago · Searched for “Iwaya” instead of “Iwya” and “Senkaku” instead of “Senkau”.", message.Embeds[^1].Footer!.Text);
    }

    [Fact]
    public void Build_PageBeyondTheLastResult_SaysThereAreNoMore()
    {
        var message = _builder.Build("who?", Samples.Answer(), skip: 3, pageSize: 3);

        Assert.Equal("There are no more results for this question.", Assert.Single(message.Embeds).Description);
        Assert.Equal("cb1:page:0", message.Components.Single().Components.Single().CustomId);
    }

    [Fact]
    public void Build_AnyAnswer_SerialisesWithMentionsSuppressed()
    {
        var message = _builder.Build("<@123> @everyone", Samples.Answer(Samples.Passage(text: "@everyone look", best: "@everyone look")), 0, 3);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(message, DiscordJson.Options));

        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("\\<@123\\> @everyone", json.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
    }
}
