using ChatBrief.Discord.Model;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Commands;

/// <summary><c>/help</c>: what the bot does and how to use it, offering mentions and direct messages only when the gateway runs.</summary>
internal sealed class HelpCommand(IOptions<DiscordOptions> options) : ISlashCommand
{
    private const string Commands =
        "I answer questions about the team's documents by quoting them exactly, with the source of every quote. " +
        "I never write an answer of my own: when the documents do not answer, I say so.\n\n" +
        "**/ask** question: ask anything; the best sentence of each quote is in bold.\n" +
        "**/sources**: the documents I quote from.\n" +
        "**/status**: how many documents and passages I know, and how fresh the index is.\n" +
        "**/alias list**: the names I treat as the same.\n" +
        "**Apps > Ask ChatBrief about this message** (a message's menu): answers the question in it, only to you, with a button to post the answer.\n\n" +
        "Moderators: **/reindex** re-reads the documents; **/source add|remove|list** manages them; " +
        "**/alias add|remove** edits the aliases; **/audit** shows the latest moderator actions.";

    // Mentions and direct messages reach the bot only through the gateway, which needs a bot token.
    private const string Gateway = "\n\nYou can also mention me with a question in a channel or send me a direct message.";

    public static ApplicationCommandDefinition Registration { get; } = new("help", "How to use ChatBrief.", Contexts: CommandContexts.Everywhere);

    public ApplicationCommandDefinition Definition => Registration;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var text = DiscordSettings.ProblemForGateway(options.Value) is null ? Commands + Gateway : Commands;
        return Task.FromResult(InteractionResponse.Message(OutgoingMessage.Create([new Embed("ChatBrief", text)], ephemeral: true)));
    }
}
