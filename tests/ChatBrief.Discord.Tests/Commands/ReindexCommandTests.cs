using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Commands;

public class ReindexCommandTests
{
    private readonly Mock<IIndexManager> _index = new();

    [Fact]
    public async Task HandleAsync_MemberWithoutManageServer_RefusesPolitelyAndPrivately()
    {
        using var handlers = new Handlers();
        var command = Command(handlers);

        var response = await command.HandleAsync(Samples.Command("reindex", member: Samples.Member(0)), CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.ModeratorsOnly, message.Content);
        _index.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_Moderator_DefersPrivatelyThenEditsInTheSummary()
    {
        using var handlers = new Handlers();
        var report = new IndexBuildReport(3, 120, 1, 1, 0, 1, [new SkippedSource("bad.pdf", "encrypted")], true, null, TimeSpan.FromSeconds(2));
        _index.Setup(index => index.RebuildAsync(true, It.IsAny<IProgress<IndexBuildProgress>>(), It.IsAny<CancellationToken>())).ReturnsAsync(report);

        var response = await handlers.RespondingPastTheBudgetAsync(Command(handlers).HandleAsync(Samples.Command("reindex", new { full = true }, Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None));
        var summary = (await handlers.WaitForSentAsync(1)).Single();

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response.Type);
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", System.Text.Json.JsonSerializer.Serialize(response, DiscordJson.Options));
        Assert.Equal("Reindex finished", summary.Embeds[0].Title);
        Assert.StartsWith("3 documents, 120 passages", summary.Embeds[0].Description);
        Assert.Contains(summary.Embeds[0].Fields!, field => field.Value == "bad.pdf: encrypted");
    }

    [Fact]
    public async Task HandleAsync_RebuildAlreadyRunning_EditsInTheReason()
    {
        using var handlers = new Handlers();
        _index.Setup(index => index.RebuildAsync(false, It.IsAny<IProgress<IndexBuildProgress>>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IndexBuildInProgressException());

        await Command(handlers).HandleAsync(Samples.Command("reindex", member: Samples.Member(0, "mods")), CancellationToken.None);
        var edit = (await handlers.WaitForSentAsync(1)).Single();

        Assert.Contains("already running", edit.Embeds[0].Description);
    }

    [Fact]
    public async Task HandleAsync_SlowRebuild_EditsProgressBeforeTheSummary()
    {
        using var handlers = new Handlers();
        var finish = new TaskCompletionSource<IndexBuildReport>();
        _index.Setup(index => index.RebuildAsync(false, It.IsAny<IProgress<IndexBuildProgress>>(), It.IsAny<CancellationToken>()))
            .Returns((bool _, IProgress<IndexBuildProgress> progress, CancellationToken _) =>
            {
                progress.Report(new IndexBuildProgress(1, 3, "a.txt"));
                return finish.Task;
            });
        await Command(handlers).HandleAsync(Samples.Command("reindex", member: Samples.Member(ModeratorPolicy.Administrator)), CancellationToken.None);
        var progress = (await handlers.WaitForSentAsync(1)).Single();
        finish.SetResult(new IndexBuildReport(3, 9, 3, 0, 0, 0, [], false, null, TimeSpan.FromSeconds(1)));
        var edits = await handlers.WaitForSentAsync(1);

        Assert.Equal("Reindexing...", progress.Embeds[0].Title);
        Assert.Equal("1 of 3 sources read.\nNow reading: a.txt", progress.Embeds[0].Description);
        Assert.Equal("Reindex finished", edits[^1].Embeds[0].Title);
        Assert.Equal(2, edits.Count);
    }

    private ReindexCommand Command(Handlers handlers) =>
        new(handlers.Policy, new ReindexJob(_index.Object, handlers.Rest.Object, handlers.Timings, TimeProvider.System, NullLogger<ReindexJob>.Instance), handlers.Background, NullLogger<ReindexCommand>.Instance);
}
