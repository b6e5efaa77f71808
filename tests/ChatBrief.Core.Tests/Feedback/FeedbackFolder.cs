using ChatBrief.Core.Feedback;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Tests.Feedback;

/// <summary>A temporary data folder for a feedback database; deleted on dispose.</summary>
internal sealed class FeedbackFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"chatbrief-data-{Guid.NewGuid():N}");

    public string DatabasePath => System.IO.Path.Combine(Path, SqliteFeedbackStore.FileName);

    public IOptions<DataOptions> Options(Action<DataOptions>? configure = null)
    {
        var options = new DataOptions { Path = Path };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    /// <summary>A store on this folder that gives up on another program's lock after one second.</summary>
    public SqliteFeedbackStore Store() => new(Options(), busyWait: TimeSpan.FromSeconds(1));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
