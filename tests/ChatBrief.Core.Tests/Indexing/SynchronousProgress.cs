using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Tests.Indexing;

/// <summary>Reports progress on the build's own thread (<see cref="Progress{T}"/> would post it later), so a test can act at an exact point.</summary>
internal sealed class SynchronousProgress(Action<IndexBuildProgress> report) : IProgress<IndexBuildProgress>
{
    public void Report(IndexBuildProgress value) => report(value);
}
