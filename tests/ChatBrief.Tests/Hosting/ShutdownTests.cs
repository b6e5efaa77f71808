using ChatBrief.Core.Sources;
using ChatBrief.Tests.Discord.Support;
using ChatBrief.Tests.Teams;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBrief.Tests.Hosting;

/// <summary>
/// What SIGTERM does to work in flight: the host's StopAsync, with its shutdown bound played by a token the test
/// cancels. (The Discord gateway's clean close is in <see cref="Discord.GatewayTests"/>.)
/// </summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private const string AppId = TeamsDoorFixture.AppId;
    private static readonly TimeSpan Safety = Patience.Bound;

    private readonly BotFrameworkStandIn _botFramework = new();

    public Task InitializeAsync() => _botFramework.StartAsync();

    public async Task DisposeAsync() => await _botFramework.DisposeAsync();

    [Fact]
    public async Task Stop_AnswerBeingSent_IsDeliveredBeforeTheHostStops()
    {
        await using var host = await TeamsHost.StartAsync(TeamsDoorFixture.SettingsFor(_botFramework));
        var held = await AnswerHeldOnItsWayAsync(host);

        var stopping = host.StopAsync(CancellationToken.None);
        held.Release();
        await stopping.WaitAsync(Safety);

        Assert.True(await held.Answered.WaitAsync(Safety));
    }

    [Fact]
    public async Task Stop_BoundRunsOutWhileAnAnswerIsBeingSent_StopsWithoutIt()
    {
        await using var host = await TeamsHost.StartAsync(TeamsDoorFixture.SettingsFor(_botFramework));
        var held = await AnswerHeldOnItsWayAsync(host);

        using var bound = new CancellationTokenSource();
        var stopping = host.StopAsync(bound.Token);
        await bound.CancelAsync();
        await stopping.WaitAsync(Safety);

        Assert.False(await held.Answered.WaitAsync(Safety));
    }

    [Fact]
    public async Task Stop_ReindexInProgress_RollsBackToTheLastCommit()
    {
        var workspace = await SeedsWorkspace.WithIndexAsync("chatbrief-shutdown");
        File.WriteAllText(Path.Combine(workspace.SourcesPath, "zz_new_1.txt"), "Minutes of the harbour committee.\n\nThe committee agreed to dredge the east basin.");
        File.WriteAllText(Path.Combine(workspace.SourcesPath, "zz_new_2.txt"), "Minutes of the lighthouse committee.\n\nThe lamp is to be replaced.");
        GatedSourceReader? reader = null;
        await using var host = await TeamsHost.StartAsync(TeamsDoorFixture.SettingsFor(_botFramework), workspace: workspace, configure: builder =>
            builder.Services.AddSingleton<ISourceReader>(sp => reader = new GatedSourceReader(ActivatorUtilities.CreateInstance<SourceReader>(sp), "zz_new_2.txt")));
        var before = LastCommit(workspace.IndexPath);

        var conversation = TeamsActivities.NewChannelConversationId();
        await AskAsync(host, conversation, "reindex", TeamsActivities.ModeratorAadObjectId);
        await reader!.Reached.WaitAsync(Safety);
        using var bound = new CancellationTokenSource();
        var stopping = host.StopAsync(bound.Token);
        await bound.CancelAsync();
        reader.Release();
        await stopping.WaitAsync(Safety);

        var after = LastCommit(workspace.IndexPath);
        Assert.Equal((before.SegmentsFile, before.Documents), (after.SegmentsFile, after.Documents));
        Assert.False(after.Locked);
        Assert.True(after.Clean);
    }

    /// <summary>Asks a question and returns once its answer has reached the connector, which keeps it waiting.</summary>
    private async Task<HeldReply> AnswerHeldOnItsWayAsync(TeamsHost host)
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var held = _botFramework.HoldNextReply(conversation);
        await AskAsync(host, conversation, "what does the treaty cover?");
        await held.Arrived.WaitAsync(Safety);
        return held;
    }

    private async Task AskAsync(TeamsHost host, string conversation, string text, string aadObjectId = TeamsActivities.UserAadObjectId)
    {
        var activity = TeamsActivities.Message(AppId, _botFramework.ServiceUrl, conversation, text, aadObjectId);
        using var response = await host.PostActivityAsync(activity, _botFramework.IssueToken(AppId, _botFramework.ServiceUrl));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The commit searches see, read straight from disk: its file, its documents, whether a writer still holds the lock, and whether it checks out.</summary>
    private static IndexOnDisk LastCommit(string indexPath)
    {
        using var directory = FSDirectory.Open(indexPath);
        using var reader = DirectoryReader.Open(directory);
        return new IndexOnDisk(SegmentInfos.GetLastCommitSegmentsFileName(directory), reader.NumDocs, IndexWriter.IsLocked(directory), new CheckIndex(directory).DoCheckIndex().Clean);
    }

    private sealed record IndexOnDisk(string SegmentsFile, int Documents, bool Locked, bool Clean);
}
