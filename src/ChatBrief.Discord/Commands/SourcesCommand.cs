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
        var description = sources.Count == 0 ? "No document is indexed yet." : List(sources);
        return Task.FromResult(InteractionResponse.Message(OutgoingMessage.Create([new Embed(title, description)], ephemeral: true)));
    }

    // Whole lines only, and a count of what did not fit, so the list never ends in half a title.
    private static string List(IReadOnlyList<SourceSummary> sources)
    {
        var lines = new List<string>();
        var length = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            var line = Line(sources[i]);
            var moreNote = i + 1 < sources.Count ? $"\n... and {sources.Count - i - 1} more".Length : 0;
            if (length + line.Length + 1 + moreNote > MessageLimits.Description)
            {
                lines.Add($"... and {sources.Count - i} more");
                break;
            }

            lines.Add(line);
            length += line.Length + 1;
        }

        return string.Join('\n', lines);
    }

    private static string Line(SourceSummary source)
    {
        var title = TextFitter.Fit(source.Title, 200, DiscordMarkdown.Escape);
        var author = source.Author is { Length: > 0 } name ? $", by {TextFitter.Fit(name, 100, DiscordMarkdown.Escape)}" : "";
        var passages = source.Passages == 1 ? "1 passage" : $"{source.Passages} passages";
        return $"• **{title}**{author} ({TextFitter.Fit(source.Source, 200, DiscordMarkdown.Escape)}, {passages})";
    }
}
