namespace ChatBrief.Tests.Cli;

/// <summary>
/// Tests of the built executable, each on its own temporary copy of the seeds with the index already built, as after a
/// first <c>chatbrief index</c> (a test that needs otherwise changes its copy). The tests are spread over several classes
/// by command: xunit runs a class's tests one after another, and one class of two dozen processes was the longest
/// chain of the suite, with the other core idle for minutes.
/// </summary>
public abstract class SeedsCliTests : IAsyncLifetime
{
    protected SeedsWorkspace Workspace { get; private set; } = null!;

    public async Task InitializeAsync() => Workspace = await SeedsWorkspace.WithIndexAsync("chatbrief-cli");

    public Task DisposeAsync()
    {
        Workspace.Dispose();
        return Task.CompletedTask;
    }

    protected Task<ChatBriefProcess.Result> RunAsync(params string[] arguments) => ChatBriefProcess.RunAsync(Workspace.Root, arguments);
}
