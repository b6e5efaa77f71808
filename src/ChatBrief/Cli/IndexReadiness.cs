using ChatBrief.Core.Evaluation;
using ChatBrief.Core.Indexing;

namespace ChatBrief.Cli;

/// <summary>Opens the index a command works on, building it first when needed.</summary>
internal static class IndexReadiness
{
    /// <summary>
    /// The index folder is built with a notice on stderr saying why; a temporary corpus index (<paramref name="workspace"/>)
    /// is built silently, since it is always new.
    /// </summary>
    public static async Task EnsureAsync(IServiceProvider services, CorpusWorkspace? workspace, CancellationToken cancellationToken)
    {
        var index = workspace?.Index ?? services.GetRequiredService<IndexManager>();
        var built = await index.EnsureReadyAsync(cancellationToken: cancellationToken);
        if (built is not null && workspace is null)
        {
            IndexReportPrinter.PrintBuiltOnTheWay(Console.Error, index.SourcesPath, built);
        }
    }
}
