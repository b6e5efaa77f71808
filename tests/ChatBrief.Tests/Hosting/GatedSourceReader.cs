using ChatBrief.Core.Sources;

namespace ChatBrief.Tests.Hosting;

/// <summary>Reads sources as the real reader does, but holds the first read of one file until the test releases it.</summary>
internal sealed class GatedSourceReader(ISourceReader inner, string gatedSource) : ISourceReader
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _released = new();
    private int _held;

    /// <summary>Completes when a build has reached the gated file (the files before it are already in the writer).</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.Set();

    public IReadOnlyList<SourceFile> Discover(string folder) => inner.Discover(folder);

    public SourceReadResult Read(SourceFile file)
    {
        if (file.Source == gatedSource && Interlocked.Exchange(ref _held, 1) == 0)
        {
            _reached.TrySetResult();
            _released.Wait(TimeSpan.FromMinutes(1));
        }

        return inner.Read(file);
    }
}
