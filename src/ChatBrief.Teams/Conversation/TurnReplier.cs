using ChatBrief.Teams.Connector;
using ChatBrief.Teams.Messages;
using ChatBrief.Teams.Processing;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace ChatBrief.Teams.Conversation;

/// <summary>Sends the bot's messages and typing indicators for a turn.</summary>
internal sealed class TurnReplier(IBotConnector connector, OutgoingActivityFactory activities, TimeProvider clock, ILogger<TurnReplier> logger)
{
    /// <summary>Teams shows "typing…" for a few seconds; repeating it at this pace keeps it up during slow work.</summary>
    public static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    /// <summary>Sends <paramref name="message"/> as a reply; returns the id Teams gave it, when it says.</summary>
    public Task<string?> ReplyAsync(InboundTurn turn, TeamsMessage message, CancellationToken cancellationToken) =>
        connector.SendAsync(turn.ServiceUrl, turn.ConversationId, turn.Activity.Id, activities.Reply(turn.Activity, message), cancellationToken);

    /// <summary>Whether <paramref name="message"/> fits in one reply to this turn.</summary>
    public bool Fits(InboundTurn turn, TeamsMessage message) => activities.Fits(turn.Activity, message);

    /// <summary>
    /// Shows "typing…" until the returned handle is disposed. Disposing lets a send in flight finish, so that the
    /// indicator never arrives after the answer that follows it. Not in channels: Teams does not show a bot's typing
    /// there, and some clients dropped the reply that followed one in a channel thread.
    /// </summary>
    public IAsyncDisposable StartTyping(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Conversation?.ConversationType == "channel")
        {
            return NoTyping.Instance;
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loop = TypeAsync(turn, stop.Token, cancellationToken);
        return new TypingHandle(stop, loop);
    }

    private async Task TypeAsync(InboundTurn turn, CancellationToken stop, CancellationToken cancellationToken)
    {
        var typing = activities.Typing(turn.Activity);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await connector.SendAsync(turn.ServiceUrl, turn.ConversationId, null, typing, cancellationToken);
                await Task.Delay(TypingInterval, clock, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            // Typing is a courtesy; the answer still goes out when the indicator cannot be shown.
            logger.LogWarning("Could not show the typing indicator: {Reason}", e.Message);
        }
    }

    private sealed class NoTyping : IAsyncDisposable
    {
        public static readonly NoTyping Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class TypingHandle(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
