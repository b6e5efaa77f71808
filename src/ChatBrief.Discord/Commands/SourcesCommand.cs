using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary><c>/sources</c>: the documents the answers quote from, as many as one message can list.</summary>
internal sealed class SourcesCommand(IIndexManager index) : ISlashCommand
{
    public static ApplicationCommandDefinition Registration { get; } = new("sources", "The documents ChatBrief quotes from.", Contexts: CommandContexts.Everywhere);

    public ApplicationCommandDefinition Definition => Registration;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var sources = index.ListSources();
        var title = sources.Count == 1 ? "1 indexed document" : $"{sources.Count} indexed documents";
        var description = sources.Count == 0 ? "No document is indexed yet." : LineList.Fit(sources.Select(Line).ToList());
        return Task.FromResult(InteractionResponse.Message(OutgoingMessage.Create([new Embed(title, description)], ephemeral: true)));
    }

    private static string Line(SourceSummary source)
    {
        var title = TextFitter.Fit(source.Title, 200, DiscordMarkdown.Escape);
        var author = source.Author is { Length: > 0 } name ? $", by {TextFitter.Fit(name, 100, DiscordMarkdown.Escape)}" : "";
        var passages = source.Passages == 1 ? "1 passage" : $"{source.Passages} passages";
        return $"• **{title}**{author} ({TextFitter.Fit(source.Source, 200, DiscordMarkdown.Escape)}, {passages})";
    }
}
