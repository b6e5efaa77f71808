using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// <c>/ask question:</c> answers with quoted passages, inline within Discord's three seconds; privately where ChatBrief
/// is only installed by the person asking (see <see cref="InstallPlace"/>).
/// </summary>
internal sealed class AskCommand(AnswerComposer composer, DeadlineResponder responder) : ISlashCommand
{
    public const string QuestionOption = "question";

    public static ApplicationCommandDefinition Registration { get; } = new(
        "ask",
        "Ask a question; the answer quotes the team's documents.",
        [new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.String, QuestionOption, "Your question", Required: true, Autocomplete: true)],
        Contexts: CommandContexts.Everywhere);

    public ApplicationCommandDefinition Definition => Registration;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var question = interaction.Data?.StringOption(QuestionOption)?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return InteractionResponse.Message(OutgoingMessage.Text(Replies.EmptyQuestion, ephemeral: true));
        }

        if (composer.SlowDownFor(interaction.Invoker?.Id) is { } slowDown)
        {
            return InteractionResponse.Message(OutgoingMessage.Text(slowDown, ephemeral: true));
        }

        if (!InstallPlace.MayShareAnswers(interaction))
        {
            return await responder.RespondAsync(
                interaction,
                async stopping => PrivateAnswer.Offer(await composer.ComposeAsync(question, skip: 0, stopping, interaction.Invoker?.Id ?? "unknown"), question, mayShare: false),
                DeadlineResponder.Reply.PrivateMessage,
                cancellationToken);
        }

        return await responder.RespondAsync(interaction, stopping => composer.ComposeAsync(question, skip: 0, stopping, interaction.Invoker?.Id ?? "unknown"), DeadlineResponder.Reply.NewMessage, cancellationToken);
    }
}
