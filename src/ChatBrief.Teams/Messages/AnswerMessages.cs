using ChatBrief.Core.Answers;

namespace ChatBrief.Teams.Messages;

/// <summary>The messages that carry answers: quoted passages with citations, abstentions, and a passage's context.</summary>
internal static class AnswerMessages
{
    public const string Abstention = AnswerWording.Abstention;
    public const string ClosestMatches = AnswerWording.ClosestMatches;
    public const string MoreResultsTitle = "More results";
    public const string ShowContextTitle = "Show context";

    /// <summary>At most this many citations follow an abstention, so that it never reads like an answer.</summary>
    public const int MaxClosestMatches = AnswerService.MaxClosestMatches;

    /// <summary>
    /// One card for an answer. <paramref name="shown"/> limits how many results are quoted, so that a caller can drop
    /// the last ones when the card would be too large for Teams; <paramref name="offerMore"/> adds "More results".
    /// </summary>
    public static TeamsMessage Answer(Answer answer, int skip, int shown, bool offerMore, DateTimeOffset now)
    {
        var blocks = new List<MessageBlock>();
        var claims = new List<CitedClaim>();
        if (answer.QuestionShortened)
        {
            blocks.Add(new Paragraph(AnswerWording.Shortened, ParagraphStyle.Subtle));
        }

        if (answer.Corrections.Count > 0)
        {
            blocks.Add(new Paragraph(AnswerWording.Corrected(answer.Corrections), ParagraphStyle.Subtle));
        }

        if (answer.Abstained)
        {
            blocks.Add(new Paragraph(Abstention, ParagraphStyle.Heading));
            var matches = answer.Results.Take(Math.Min(MaxClosestMatches, shown)).ToList();
            if (matches.Count > 0)
            {
                blocks.Add(new Paragraph(ClosestMatches));
                blocks.AddRange(matches.SelectMany(ClosestMatch));
            }
        }
        else if (answer.Results.Count == 0)
        {
            blocks.Add(new Paragraph(skip > 0 ? "There are no more results for this question." : Abstention));
        }
        else
        {
            foreach (var result in answer.Results.Take(shown))
            {
                var marker = claims.Count < CitationWriter.MaxCitations ? claims.Count + 1 : (int?)null;
                if (marker is not null)
                {
                    claims.Add(Claim(result));
                }

                blocks.AddRange(Quote(result, marker));
            }
        }

        if (IndexAge.Describe(answer.IndexBuiltAt, now) is { } age)
        {
            blocks.Add(new Paragraph(age, ParagraphStyle.Subtle));
        }

        var more = offerMore && !answer.Abstained && answer.Results.Count > 0
            ? [new SubmitButton(MoreResultsTitle, new CardAction.MoreResults(answer.Question, skip + shown))]
            : Array.Empty<SubmitButton>();
        return new TeamsMessage(blocks, more) { Claims = claims };
    }

    /// <summary>The paragraphs around a passage, the requested one in bold.</summary>
    public static TeamsMessage Context(PassageContext? context)
    {
        if (context is null)
        {
            return new TeamsMessage(new Paragraph("That passage is no longer in the index; it may have changed since the answer was given."));
        }

        var blocks = new List<MessageBlock> { new Paragraph($"{AnswerWording.Byline(context.Title, context.Author)} ({context.Source})", ParagraphStyle.Heading) };
        if (AnswerWording.ContextState(context) is { } state)
        {
            blocks.Add(new Paragraph(state, ParagraphStyle.Subtle));
        }

        foreach (var paragraph in context.Paragraphs)
        {
            blocks.Add(new Paragraph($"Paragraph {paragraph.Passage}", ParagraphStyle.Subtle));
            blocks.Add(new Paragraph([new Run(paragraph.Text, Emphasised: paragraph.IsRequested)], paragraph.IsRequested ? ParagraphStyle.Quote : ParagraphStyle.Normal));
        }

        return new TeamsMessage(blocks, []);
    }

    /// <summary>A closest match of an abstention, as Discord shows it: its text, not emphasised (it is no answer), and its source.</summary>
    private static IEnumerable<MessageBlock> ClosestMatch(AnswerPassage match)
    {
        yield return new Paragraph(match.Text, ParagraphStyle.Quote);
        yield return new Paragraph($"— {match.Rank}. {AnswerWording.Citation(match)}", ParagraphStyle.Subtle);
        yield return new ButtonRow([new SubmitButton(ShowContextTitle, new CardAction.ShowContext(match.Reference))]);
    }

    /// <summary>The best sentence of a result, cited in the message text so that Teams shows its own citation pop-up.</summary>
    private static CitedClaim Claim(AnswerPassage result)
    {
        var sentence = string.IsNullOrEmpty(result.BestSentence) ? result.Text : result.BestSentence;
        string[] keywords = result.Page is { } page
            ? [result.Source, $"page {page}", $"paragraph {result.Passage}"]
            : [result.Source, $"paragraph {result.Passage}"];
        return new CitedClaim(sentence, AnswerWording.Byline(result.Title, result.Author), keywords, result.Url);
    }

    /// <summary>
    /// A passage quoted in full with its best sentence emphasised, its citation and the sources that say the same;
    /// <paramref name="marker"/> ties it to the <c>[n]</c> of the message text, when it has one.
    /// </summary>
    public static IEnumerable<MessageBlock> CitedPassage(AnswerPassage result, int? marker = null)
    {
        yield return new Paragraph(QuoteRuns(result), ParagraphStyle.Quote);
        yield return new Paragraph(marker is { } n ? $"— [{n}] {AnswerWording.Citation(result)}" : $"— {AnswerWording.Citation(result)}", ParagraphStyle.Subtle);
        if (result.AlsoIn.Count > 0)
        {
            var others = string.Join("; ", result.AlsoIn.Select(a => AnswerWording.Location(a.Source, a.Page, a.Passage)));
            yield return new Paragraph($"Also in: {others}", ParagraphStyle.Subtle);
        }
    }

    private static IEnumerable<MessageBlock> Quote(AnswerPassage result, int? marker) =>
        CitedPassage(result, marker).Append(new ButtonRow([new SubmitButton(ShowContextTitle, new CardAction.ShowContext(result.Reference))]));

    /// <summary>The passage exactly as quoted, with the best sentence the core marked emphasised.</summary>
    private static List<Run> QuoteRuns(AnswerPassage result)
    {
        if (result.BestSentenceSpan is not { } best)
        {
            return [new Run(result.Text)];
        }

        return
        [
            new Run(result.Text[..best.Start]),
            new Run(best.Of(result.Text), Emphasised: true),
            new Run(result.Text[best.End..]),
        ];
    }

}
