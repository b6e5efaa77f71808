using ChatBrief.Core.Answers;
using System.Globalization;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary><c>/status</c>: what the index holds and how old it is.</summary>
internal sealed class StatusCommand(IIndexManager index, TimeProvider time) : ISlashCommand
{
    public static ApplicationCommandDefinition Registration { get; } = new("status", "How many documents and passages are indexed, and how fresh the index is.", Contexts: CommandContexts.Everywhere);

    public ApplicationCommandDefinition Definition => Registration;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var status = index.GetStatus();
        var description = (status.IsReady
            ? "The index is ready."
            : "The index is not ready yet; questions will be answered once it is built.")
            + (AnswerWording.Reindexing(status) is { } reindexing ? $"\n{reindexing}" : "");
        var embed = new Embed(
            "ChatBrief status",
            description,
            [
                new EmbedField("Documents", status.Documents.ToString("N0", CultureInfo.InvariantCulture), Inline: true),
                new EmbedField("Passages", status.Passages.ToString("N0", CultureInfo.InvariantCulture), Inline: true),
                new EmbedField("Index age", AnswerWording.IndexAge(status.BuiltAt, time.GetUtcNow()), Inline: true),
                new EmbedField("Search by meaning", AnswerWording.SemanticCoverage(status), Inline: false),
            ]);
        return Task.FromResult(InteractionResponse.Message(OutgoingMessage.Create([embed], ephemeral: true)));
    }
}
