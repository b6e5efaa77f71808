using ChatBrief.Core.Indexing;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Conversation;

/// <summary>Composes the replies to <c>status</c>, <c>sources</c> and <c>reindex</c>.</summary>
internal sealed class IndexResponder(IIndexManager index, TimeProvider clock, ILogger<IndexResponder> logger)
{
    public TeamsMessage Status() => InfoMessages.Status(index.GetStatus(), clock.GetUtcNow());

    public TeamsMessage Sources() => InfoMessages.Sources(index.ListSources());

    public async Task<TeamsMessage> ReindexAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await index.RebuildAsync(full: false, cancellationToken: cancellationToken);
            logger.LogInformation("Reindex from Teams: {Documents} documents, {Passages} passages in {Elapsed}", report.Documents, report.Passages, report.Elapsed);
            return InfoMessages.Reindexed(report);
        }
        catch (Exception e) when (e is IndexBuildInProgressException or SourcesUnavailableException)
        {
            return InfoMessages.ReindexFailed(e.Message);
        }
    }
}
