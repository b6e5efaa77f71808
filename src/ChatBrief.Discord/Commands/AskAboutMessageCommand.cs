using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// "Ask ChatBrief about this message" in a message's Apps menu: answers the question the message holds, privately, so
/// that asking about someone else's message never answers them in public unasked; "Post to channel" shares the answer.
/// </summary>
internal sealed class AskAboutMessageCommand(AnswerComposer composer, DeadlineResponder responder) : ISlashCommand
{
    public const string Name = "Ask ChatBrief about this message";

    public static ApplicationCommandDefinition Registration { get; } = new(Name, Description: null, Contexts: CommandContexts.Everywhere, Type: ApplicationCommandType.Message);

    public ApplicationCommandDefinition Definition => Registration;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var question = interaction.Data?.TargetMessage?.Content?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return InteractionResponse.Message(OutgoingMessage.Text(Replies.NoTextToAsk, ephemeral: true));
        }

        if (composer.SlowDownFor(interaction.Invoker?.Id) is { } slowDown)
        {
            return InteractionResponse.Message(OutgoingMessage.Text(slowDown, ephemeral: true));
        }

        var mayShare = InstallPlace.MayShareAnswers(interaction);
        return await responder.RespondAsync(
            interaction,
            async stopping => PrivateAnswer.Offer(await composer.ComposeAsync(question, skip: 0, stopping), question, mayShare),
            DeadlineResponder.Reply.PrivateMessage,
            cancellationToken);
    }
}
