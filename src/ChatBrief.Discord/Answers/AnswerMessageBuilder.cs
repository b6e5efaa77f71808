using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Answers;

/// <summary>
/// Turns an <see cref="Answer"/> into a Discord message: one embed per quoted passage, with its citation and the
/// sources that corroborate it, the index age in the footer, the paging and context buttons, and 👍/👎 on a logged answer. Abstentions say so
/// plainly and show at most three closest matches, labelled as such. Everything quoted is escaped and fitted to
/// Discord's limits.
/// </summary>
internal sealed class AnswerMessageBuilder(TimeProvider time)
{
    /// <summary>Discord allows ten embeds and five buttons a row; five passages a page keeps both within bounds.</summary>
    public const int MaxPageSize = 5;

    private const int MaxClosestMatches = AnswerService.MaxClosestMatches;
    private const int CitationLength = 400;

    // A longer address is left unlinked, so that the source field stays within Discord's 1,024 characters.
    private const int MaxLinkLength = 300;
    private const int MinBylineLength = 40;
    private const int AlsoInLength = 400;
    private const int AnswerColor = 0x2F7D6D;
    private const int AbstainColor = 0x8A8A8A;

    /// <param name="answerId">The logged answer that 👍/👎 buttons name, or null for none (a later page, or logging off).</param>
    public OutgoingMessage Build(string question, Answer answer, int skip, int pageSize, string? answerId = null)
    {
        var (title, carried) = QuestionTitle.For(question);
        var footer = Footer(answer, skip);
        if (answer.Abstained)
        {
            return Abstention(title, answer, footer, answerId);
        }

        if (answer.Results.Count == 0)
        {
            var nothing = new Embed(title, skip == 0 ? "The sources hold nothing about this question." : "There are no more results for this question.", Footer: new EmbedFooter(footer), Color: AbstainColor);
            return OutgoingMessage.Create([nothing], PagingRow(carried, skip, pageSize, mayHaveMore: false).Concat(FeedbackRow(answerId)).ToList());
        }

        var results = answer.Results.Take(Math.Min(pageSize, MaxPageSize)).ToList();
        var embeds = results.Select((result, i) => new Embed(
            Title: i == 0 ? title : null,
            Fields: PassageFields(result),
            Footer: i == results.Count - 1 ? new EmbedFooter(footer) : null,
            Color: AnswerColor)).ToList();
        embeds = FillDescriptions(embeds, results.Select(result => (Func<int, string>)(max => QuoteFormatter.Format(result.Text, result.Sentences, result.BestSentenceIndex, max))).ToList());

        var rows = PagingRow(carried, skip, pageSize, mayHaveMore: answer.Results.Count >= pageSize).ToList();
        rows.AddRange(ContextRow(results, skip));
        rows.AddRange(FeedbackRow(answerId));
        return OutgoingMessage.Create(embeds, rows);
    }

    private OutgoingMessage Abstention(string title, Answer answer, string footer, string? answerId)
    {
        var closest = answer.Results.Take(MaxClosestMatches).ToList();
        var description = closest.Count == 0
            ? AnswerWording.Abstention
            : $"{AnswerWording.Abstention}\n{AnswerWording.ClosestMatches}";
        var fields = closest.Select(match => new EmbedField(
            TextFitter.Fit($"Closest match: {Citation(match)}", MessageLimits.FieldName, DiscordMarkdown.Escape),
            QuoteFormatter.Format(match.Text, match.Sentences, best: -1, MessageLimits.FieldValue))).ToList();
        var embed = new Embed(title, description, fields, new EmbedFooter(footer), AbstainColor);
        return OutgoingMessage.Create([embed], ContextRow(closest, skip: 0).Concat(FeedbackRow(answerId)).ToList());
    }

    /// <summary>Shares what the titles, citations and footers leave of the 6000 characters among the quotes, in rank order.</summary>
    private static List<Embed> FillDescriptions(List<Embed> embeds, IReadOnlyList<Func<int, string>> quotes)
    {
        var remaining = MessageLimits.EmbedsTotal - embeds.Sum(MessageLimits.CountedLength);
        var filled = new List<Embed>(embeds.Count);
        for (var i = 0; i < embeds.Count; i++)
        {
            var share = Math.Min(MessageLimits.Description, remaining / (embeds.Count - i));
            var description = quotes[i](share);
            remaining -= description.Length;
            filled.Add(embeds[i] with { Description = description });
        }

        return filled;
    }

    private static List<EmbedField> PassageFields(AnswerPassage result)
    {
        var fields = new List<EmbedField>
        {
            new($"#{result.Rank} Source", CitationLines(result)),
        };
        if (result.AlsoIn.Count > 0)
        {
            fields.Add(new EmbedField("Also in", AlsoIn(result.AlsoIn)));
        }

        return fields;
    }

    /// <summary>The byline, then the place, which links to the source when it has a web address.</summary>
    private static string CitationLines(AnswerPassage result)
    {
        var location = DiscordMarkdown.Escape(AnswerWording.Location(result.Source, result.Page, result.Passage));
        var place = result.Url is { Length: <= MaxLinkLength } url ? $"[{location}](<{url}>)" : location;
        return TextFitter.Fit(AnswerWording.Byline(result.Title, result.Author), Math.Max(MinBylineLength, CitationLength - place.Length - 1), DiscordMarkdown.Escape) + "\n" + place;
    }

    private static string Citation(AnswerPassage result) => $"{result.Title}, {AnswerWording.Place(result.Page, result.Passage)}";

    // Listed whole or not at all: half a file name would be a wrong citation.
    private static string AlsoIn(IReadOnlyList<PassageReference> references)
    {
        var lines = new List<string>();
        foreach (var reference in references)
        {
            var line = DiscordMarkdown.Escape(AnswerWording.Location(reference.Source, reference.Page, reference.Passage));
            var left = references.Count - lines.Count - 1;
            var reserve = left > 0 ? $"\n... and {left} more".Length : 0;
            if (string.Join('\n', lines.Append(line)).Length + reserve > AlsoInLength)
            {
                lines.Add($"... and {references.Count - lines.Count} more");
                break;
            }

            lines.Add(line);
        }

        return string.Join('\n', lines);
    }

    private string Footer(Answer answer, int skip)
    {
        var parts = new List<string> { AnswerWording.IndexAge(answer.IndexBuiltAt, time.GetUtcNow()) };
        if (!answer.Abstained && answer.Results.Count > 0 && skip > 0)
        {
            parts.Add($"results from #{skip + 1}");
        }

        if (answer.QuestionShortened)
        {
            parts.Add(AnswerWording.Shortened);
        }

        if (answer.Corrections.Count > 0)
        {
            parts.Add(AnswerWording.Corrected(answer.Corrections));
        }

        return TextFitter.Fit(string.Join(" · ", parts), MessageLimits.FooterText, text => text);
    }

    private static IEnumerable<ActionRow> PagingRow(bool questionCarried, int skip, int pageSize, bool mayHaveMore)
    {
        if (!questionCarried)
        {
            yield break;
        }

        var buttons = new List<Button>();
        if (skip > 0 && new ButtonAction.ShowPage(Math.Max(0, skip - pageSize)).ToCustomId() is { } previous)
        {
            buttons.Add(new Button(ButtonStyle.Secondary, "Previous results", previous));
        }

        if (mayHaveMore && new ButtonAction.ShowPage(skip + pageSize).ToCustomId() is { } more)
        {
            buttons.Add(new Button(ButtonStyle.Primary, "More results", more));
        }

        if (buttons.Count > 0)
        {
            yield return new ActionRow(buttons);
        }
    }

    private static IEnumerable<ActionRow> FeedbackRow(string? answerId)
    {
        if (answerId is not null
            && new ButtonAction.Rate(Vote.Up, answerId).ToCustomId() is { } up
            && new ButtonAction.Rate(Vote.Down, answerId).ToCustomId() is { } down)
        {
            yield return new ActionRow([new Button(ButtonStyle.Secondary, "👍", up), new Button(ButtonStyle.Secondary, "👎", down)]);
        }
    }

    private static IEnumerable<ActionRow> ContextRow(IReadOnlyList<AnswerPassage> results, int skip)
    {
        var buttons = results
            .Select(result => (result.Rank, CustomId: new ButtonAction.ShowContext(skip, result.Reference).ToCustomId()))
            .Where(button => button.CustomId is not null)
            .DistinctBy(button => button.CustomId)
            .Take(MessageLimits.ButtonsPerRow)
            .Select(button => new Button(ButtonStyle.Secondary, $"Show context #{button.Rank}", button.CustomId!))
            .ToList();
        if (buttons.Count > 0)
        {
            yield return new ActionRow(buttons);
        }
    }
}
