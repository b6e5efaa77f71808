using ChatBrief.Core.Analysis;
using ChatBrief.Core.Search;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Core.Indexing;

/// <summary>
/// Opens or builds the index in the background when a host starts; the doors answer "not ready" until it is done. The
/// ranking models are loaded when the service is created (so a broken model stops the host at start, not at the first
/// question), and the English word list and the embedding model are read here, so that the first question does not wait.
/// </summary>
internal sealed class IndexWarmupService(IndexManager index, RankingModels ranking, ILogger<IndexWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _ = EnglishLexicon.Shared;
            logger.LogInformation("Ranking models: lexical {Lexical}, semantic {Semantic}", ranking.Lexical.Source, ranking.Semantic?.Source ?? "none");
            if (index.Embedder is { } embedder)
            {
                _ = embedder.EmbedQuestion("warm-up");
                logger.LogInformation("Semantic layer on: {Model}", embedder.ModelId);
            }

            index.EmbedNewPassagesInBackground();
            var report = await index.EnsureReadyAsync(cancellationToken: stoppingToken);
            var status = index.GetStatus();
            logger.LogInformation(
                "Index ready: {Documents} documents, {Passages} passages, built {BuiltAt}{Rebuilt}",
                status.Documents, status.Passages, status.BuiltAt, report is null ? "" : $" (rebuilt: {report.RebuildReason})");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The host keeps serving: doors say the index is not ready, and a moderator's reindex can retry.
            logger.LogError("The index could not be opened or built: {Reason}", e.Message);
        }
    }
}
