using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// The answer buttons. They hold no server-side state: the custom_id says what to do and the message they sit on
/// says which question, so they work across restarts, and say plainly when what they need cannot be read back.
/// "More results" counts against the person's question limit (it searches as much as a question); "Show context" does
/// not, since it only reads a few stored paragraphs and the global request limit already bounds it.
/// </summary>
internal sealed partial class ComponentHandler(
    AnswerComposer composer,
    IAnswerService answers,
    IIndexManager index,
    ContextMessageBuilder contextBuilder,
    DeadlineResponder responder,
    FeedbackHandler feedback,
    ILogger<ComponentHandler> logger)
{
    private const int ContextRadius = 1;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var question = QuestionTitle.ReadFrom(interaction.Message);

        // A click on the shared answer gets a private reply, so that one person's click never changes what the channel
        // sees; a click on a private reply (the clicker's own) updates it in place.
        var onSharedMessage = !OutgoingMessage.IsEphemeralFlag(interaction.Message?.Flags);
        switch (ButtonAction.Parse(interaction.Data?.CustomId))
        {
            case ButtonAction.ShowPage when question is not null && composer.SlowDownFor(interaction.Invoker?.Id) is { } slowDown:
                return Ephemeral(slowDown);

            case ButtonAction.ShowPage page when question is not null:
                return await responder.RespondAsync(
                    interaction,
                    stopping => composer.ComposeAsync(question, page.Skip, stopping),
                    onSharedMessage ? DeadlineResponder.Reply.PrivateMessage : DeadlineResponder.Reply.UpdateMessage,
                    cancellationToken);

            case ButtonAction.PostToChannel when question is not null && !InstallPlace.MayShareAnswers(interaction):
                return Ephemeral(Replies.NotInstalledHere);

            case ButtonAction.PostToChannel when question is not null && composer.SlowDownFor(interaction.Invoker?.Id) is { } slowDown:
                return Ephemeral(slowDown);

            case ButtonAction.PostToChannel when question is not null:
                return await responder.RespondAsync(interaction, stopping => composer.ComposeAsync(question, skip: 0, stopping), DeadlineResponder.Reply.NewMessage, cancellationToken);

            case ButtonAction.ShowContext context:
                var paragraphs = await answers.GetContextAsync(context.Passage, ContextRadius, cancellationToken);
                if (paragraphs is not { Paragraphs.Count: > 0 })
                {
                    return Ephemeral(Replies.PassageGone);
                }

                var shown = contextBuilder.Build(question, paragraphs, context.Skip, index.GetStatus().BuiltAt);
                return onSharedMessage ? InteractionResponse.Message(shown.AsPrivate()) : InteractionResponse.Update(shown);

            case ButtonAction.Rate rate:
                return feedback.Rate(interaction, rate);

            default:
                LogExpired(interaction.Data?.CustomId);
                return Ephemeral(Replies.ButtonExpired);
        }
    }

    /// <summary>A submitted form; the only one ChatBrief shows asks why an answer got 👎.</summary>
    public InteractionResponse HandleModal(Interaction interaction)
    {
        if (ButtonAction.Parse(interaction.Data?.CustomId) is ButtonAction.ExplainDownVote explain)
        {
            return feedback.Explain(interaction, explain);
        }

        LogExpired(interaction.Data?.CustomId);
        return Ephemeral(Replies.ButtonExpired);
    }

    private static InteractionResponse Ephemeral(string text) => InteractionResponse.Message(OutgoingMessage.Text(text, ephemeral: true));

    [LoggerMessage(LogLevel.Information, "Button {CustomId} could not be acted on (unknown format, or its message carries no question)")]
    private partial void LogExpired(string? customId);
}
