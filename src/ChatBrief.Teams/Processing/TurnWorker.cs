using ChatBrief.Teams.Conversation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Processing;

/// <summary>
/// Answers queued activities in the background. A few turns run at once so that one slow reindex does not hold up
/// everyone's questions. When the host stops, the queue takes no more activities (the endpoint answers 503, and Teams
/// retries) and the turns already accepted are answered until the host's shutdown bound runs out; then the rest are
/// cancelled (a reindex rolls back) and stopping returns once they have ended.
/// </summary>
internal sealed class TurnWorker(TurnQueue queue, TurnHandler handler, ILogger<TurnWorker> logger) : IHostedService, IDisposable
{
    public const int Concurrency = 4;

    private readonly CancellationTokenSource _givenUp = new();
    private Task _consumers = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _consumers = Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(ConsumeAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        await using (cancellationToken.Register(_givenUp.Cancel))
        {
            await _consumers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _givenUp.Dispose();

    /// <summary>Ends when the queue is closed and empty; after the host gives up, what is left is dropped unanswered.</summary>
    private async Task ConsumeAsync()
    {
        await foreach (var turn in queue.ReadAllAsync(CancellationToken.None))
        {
            if (_givenUp.IsCancellationRequested)
            {
                logger.LogWarning("Dropped {ActivityType} activity {ActivityId} unanswered: the host stopped", turn.Activity.Type, turn.Activity.Id);
                continue;
            }

            await HandleAsync(turn);
        }
    }

    private async Task HandleAsync(InboundTurn turn)
    {
        try
        {
            await handler.HandleAsync(turn, _givenUp.Token);
        }
        catch (OperationCanceledException) when (_givenUp.IsCancellationRequested)
        {
            logger.LogWarning("Stopped answering {ActivityType} activity {ActivityId}: the host stopped", turn.Activity.Type, turn.Activity.Id);
        }
        catch (Exception e)
        {
            // One failed turn (connector down, unexpected core error) must not stop the worker for everyone else.
            logger.LogError(e, "Could not answer {ActivityType} activity {ActivityId} in conversation {ConversationType}",
                turn.Activity.Type, turn.Activity.Id, turn.Activity.Conversation?.ConversationType);
        }
    }
}
