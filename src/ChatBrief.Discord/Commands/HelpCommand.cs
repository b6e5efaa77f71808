using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary><c>/help</c>: what the bot does and how to use it.</summary>
internal sealed class HelpCommand : ISlashCommand
{
    private const string Text =
        "I answer questions about the team's documents by quoting them exactly, with the source of every quote. " +
        "I never write an answer of my own: when the documents do not answer, I say so.\n\n" +
        "**/ask** question: ask anything; the best sentence of each quote is in bold.\n" +
        "**/sources**: the documents I quote from.\n" +
        "**/status**: how many documents and passages I know, and how fresh the index is.\n" +
        "**/reindex**: re-read the documents (moderators only).\n\n" +
        "You can also mention me with a question in a channel or send me a direct message.";

    public static ApplicationCommandDefinition Registration { get; } = new("help", "How to use ChatBrief.", Contexts: CommandContexts.Everywhere);

    public ApplicationCommandDefinition Definition => Registration;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken) =>
        Task.FromResult(InteractionResponse.Message(OutgoingMessage.Create([new Embed("ChatBrief", Text)], ephemeral: true)));
}
