using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Moq;

namespace ChatBrief.Discord.Tests.Commands;

public sealed class GapsCommandTests : IDisposable
{
    private const string Lighthouse = "Who designed the harbour lighthouse?";
    private readonly Handlers _handlers = new();

    public GapsCommandTests() =>
        _handlers.Store.Setup(s => s.QuestionsSince(Samples.Now.AddDays(-7))).Returns(
            [new LoggedQuestion("a1", Samples.Now.AddDays(-1), "discord", "h1", true, [], TimeSpan.Zero, Lighthouse)]);

    public void Dispose() => _handlers.Dispose();

    [Fact]
    public async Task Gaps_NonModerator_IsRefusedPrivately()
    {
        var response = await Command().HandleAsync(Samples.Command("gaps", member: Samples.Member(0)), CancellationToken.None);

        var reply = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.Equal((Replies.ModeratorsOnlyFor("/gaps"), true), (reply.Content, reply.IsEphemeral));
        _handlers.Store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Gaps_AbstainedQuestion_IsListedUntilAReindexAnswersIt()
    {
        _handlers.Answers.SetupSequence(a => a.AskAsync(It.Is<AskRequest>(r => r.Question == Lighthouse && r.Door == GapFinder.Door), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Answer(Lighthouse, true, [Samples.Passage()]))
            .ReturnsAsync(new Answer(Lighthouse, false, [Samples.Passage(source: "lighthouse.txt", passage: 1)]));

        var before = Reply(await Command().HandleAsync(Samples.Command("gaps", new { days = 7 }, Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None));
        var after = Reply(await Command().HandleAsync(Samples.Command("gaps", new { days = 7 }, Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None));

        Assert.True(before.IsEphemeral);
        Assert.Contains("**1 asked** “Who designed the harbour lighthouse?”", before.Embeds[0].Description);
        Assert.Contains("closest: Allies in space, by A. Writer (000\\_a0faeb7ade4ac0d7.txt, paragraph 4)", before.Embeds[0].Description);
        Assert.DoesNotContain("lighthouse?”", after.Embeds[0].Description);
        Assert.Contains("1 earlier gap is answered by the sources now.", after.Embeds[0].Description);
    }

    private static OutgoingMessage Reply(InteractionResponse response) => Assert.IsType<OutgoingMessage>(response.Data);

    private GapsCommand Command() =>
        new(_handlers.Policy, _handlers.Store.Object, new GapFinder(_handlers.Answers.Object, embedder: null), _handlers.Responder, _handlers.Clock);
}
