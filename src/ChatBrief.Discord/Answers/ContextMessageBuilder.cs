using ChatBrief.Core.Answers;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Answers;

/// <summary>
/// Shows a quoted passage among its neighbouring paragraphs, so a reader can check the quote was not taken out of
/// context. The requested paragraph is in bold and always shown; neighbours are shortened first when space runs out.
/// </summary>
internal sealed class ContextMessageBuilder(TimeProvider time)
{
    private const int ContextColor = 0x4F6D9A;

    /// <param name="question">The question of the answer the button was on, or null when it could not be read back.</param>
    /// <param name="skip">The answer page to offer going back to.</param>
    public OutgoingMessage Build(string? question, PassageContext context, int skip, DateTimeOffset? indexBuiltAt)
    {
        var (title, carried) = question is null ? ("Context", false) : QuestionTitle.For(question);
        var requested = context.Paragraphs.FirstOrDefault(paragraph => paragraph.IsRequested) ?? context.Paragraphs[0];
        var citation = (context.Author is { Length: > 0 } author ? $"{context.Title}, by {author}" : context.Title) + $"\n{context.Source}";
        var state = AnswerWording.ContextState(context) is { } note ? $"*{DiscordMarkdown.Escape(note)}*\n\n" : "";
        var embed = new Embed(
            title,
            state + Description(context.Paragraphs, requested, MessageLimits.Description - state.Length),
            [new EmbedField("Source", TextFitter.Fit(citation, MessageLimits.FieldValue, DiscordMarkdown.Escape))],
            new EmbedFooter($"Paragraph {requested.Passage} with its neighbours · {AnswerWording.IndexAge(indexBuiltAt, time.GetUtcNow())}"),
            ContextColor);

        var back = carried ? new ButtonAction.ShowPage(skip).ToCustomId() : null;
        IReadOnlyList<ActionRow> rows = back is null ? [] : [new ActionRow([new Button(ButtonStyle.Secondary, "Back to the answer", back)])];
        return OutgoingMessage.Create([embed], rows);
    }

    private static string Description(IReadOnlyList<ContextParagraph> paragraphs, ContextParagraph requested, int budget)
    {
        const string separator = "\n\n";
        var neighbours = paragraphs.Count(paragraph => paragraph != requested);
        var requestedBudget = budget / (neighbours > 0 ? 2 : 1);
        var focus = Labelled(requested, TextFitter.Fit(requested.Text, requestedBudget - Label(requested).Length, text => DiscordMarkdown.Bold(DiscordMarkdown.Escape(text))));
        var left = budget - focus.Length - neighbours * separator.Length;

        var rendered = new List<string>();
        var placed = 0;
        foreach (var paragraph in paragraphs)
        {
            if (paragraph == requested)
            {
                rendered.Add(focus);
                continue;
            }

            var share = left / (neighbours - placed++);
            var text = share > Label(paragraph).Length + TextFitter.Omission.Length
                ? Labelled(paragraph, TextFitter.Fit(paragraph.Text, share - Label(paragraph).Length, DiscordMarkdown.Escape))
                : "";
            left -= text.Length;
            if (text.Length > 0)
            {
                rendered.Add(text);
            }
        }

        return string.Join(separator, rendered);
    }

    private static string Label(ContextParagraph paragraph) => $"¶ {paragraph.Passage}: ";

    private static string Labelled(ContextParagraph paragraph, string text) => Label(paragraph) + text;
}
