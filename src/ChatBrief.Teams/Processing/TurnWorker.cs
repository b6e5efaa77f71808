using ChatBrief.Teams.Conversation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Processing;

/// <summary>
/// Answers queued activities in the background. A few turns run at once so that one slow reindex does not hold up
/// everyone's questions.
/// </summary>
internal sealed class TurnWorker(TurnQueue queue, TurnHandler handler, ILogger<TurnWorker> logger) : BackgroundService
{
    public const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(turn, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(InboundTurn turn, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(turn, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // One failed turn (connector down, unexpected core error) must not stop the worker for everyone else.
            logger.LogError(e, "Could not answer {ActivityType} activity {ActivityId} in conversation {ConversationType}",
                turn.Activity.Type, turn.Activity.Id, turn.Activity.Conversation?.ConversationType);
        }
    }
}
