using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// Answers inline when the work finishes within Discord's three seconds, and otherwise acknowledges at once (deferred)
/// and edits the response when the work is done. Without this, a slow search (a cold index, a busy machine) would
/// show the user "The application did not respond" and the answer would be lost.
/// </summary>
internal sealed partial class DeadlineResponder(
    DiscordTimings timings,
    TimeProvider time,
    BackgroundWork background,
    IDiscordRestClient rest,
    ILogger<DeadlineResponder> logger)
{
    /// <param name="reply">Whether the work's message updates the message a button sits on, or is a new one (then public or private as the message says).</param>
    public async Task<InteractionResponse> RespondAsync(Interaction interaction, Func<CancellationToken, Task<OutgoingMessage>> work, Reply reply, CancellationToken cancellationToken)
    {
        // The work is tied to the host's lifetime, not the request's: if it is deferred, it goes on after the response.
        // It starts on the thread pool because a lexical search over an open index never yields: run here, it would
        // finish before the deadline could be awaited, and a slow answer would miss Discord's three seconds instead of deferring.
        var running = Task.Run(() => reply == Reply.PrivateMessage ? PrivatelyAsync(work, background.GiveUpToken) : work(background.GiveUpToken));
        var deadline = Task.Delay(timings.AnswerBudget, time, cancellationToken);
        if (await Task.WhenAny(running, deadline) == running)
        {
            var message = await running;
            return reply == Reply.UpdateMessage ? InteractionResponse.Update(message) : InteractionResponse.Message(message);
        }

        LogDeferred(interaction.Id, timings.AnswerBudget.TotalMilliseconds);
        background.Run("finish a slow answer", async stopping =>
        {
            OutgoingMessage message;
            try
            {
                message = await running;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSlowWorkFailed(exception, interaction.Id);
                message = OutgoingMessage.Text(Replies.ForFailure(exception));
            }

            await rest.EditOriginalResponseAsync(interaction.Token, message, stopping);
        });
        return reply switch
        {
            Reply.UpdateMessage => InteractionResponse.DeferUpdate,
            Reply.PrivateMessage => InteractionResponse.Defer(ephemeral: true),
            _ => InteractionResponse.Defer(ephemeral: false),
        };
    }

    private static async Task<OutgoingMessage> PrivatelyAsync(Func<CancellationToken, Task<OutgoingMessage>> work, CancellationToken cancellationToken) =>
        (await work(cancellationToken)).AsPrivate();

    /// <summary>Where the work's message goes.</summary>
    public enum Reply
    {
        /// <summary>A new message in the channel, seen by all.</summary>
        NewMessage,

        /// <summary>A new message only the person who clicked sees.</summary>
        PrivateMessage,

        /// <summary>The message the button sits on, edited.</summary>
        UpdateMessage,
    }

    [LoggerMessage(LogLevel.Information, "Interaction {InteractionId} took longer than {BudgetMs} ms; deferred and will edit the response")]
    private partial void LogDeferred(string interactionId, double budgetMs);

    [LoggerMessage(LogLevel.Error, "Deferred work for interaction {InteractionId} failed")]
    private partial void LogSlowWorkFailed(Exception exception, string interactionId);
}
