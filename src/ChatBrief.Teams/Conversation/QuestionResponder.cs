using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Indexing;
using ChatBrief.Teams.Messages;
using ChatBrief.Teams.Processing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Teams.Conversation;

/// <summary>Composes the answer to a question, to "More results" and to "Show context" from the shared answer service.</summary>
internal sealed class QuestionResponder(IAnswerService answers, IOptions<SearchOptions> search, TurnReplier replier, TimeProvider clock, QuestionRateLimiter pace, FeedbackLog feedback)
{
    /// <summary>This door's name in the answer log and in the per-person question limits.</summary>
    public const string Door = "teams";

    /// <summary>Paragraphs shown on each side of a passage by "Show context".</summary>
    public const int ContextRadius = 1;

    /// <summary>
    /// Answers a question or a "More results" press (which searches as much, so both count against the person's limit);
    /// Teams has no private replies, so a person over the limit is told to slow down in the conversation.
    /// </summary>
    public async Task<TeamsMessage> AnswerAsync(InboundTurn turn, string question, int skip, CancellationToken cancellationToken)
    {
        if (pace.TryAdmit(Door, turn.Activity.From!.Id!) is { } retryAfter)
        {
            return new TeamsMessage(new Paragraph(AnswerWording.SlowDown(retryAfter)));
        }

        var top = search.Value.Top;
        Answer answer;
        try
        {
            answer = await answers.AskAsync(new AskRequest(question, top, skip, Door), cancellationToken);
        }
        catch (IndexNotReadyException)
        {
            return new TeamsMessage(new Paragraph(InfoMessages.IndexNotReady));
        }
        catch (ArgumentException)
        {
            return InfoMessages.Help();
        }

        var shown = answer.Results.Count;
        var message = AnswerMessages.Answer(answer, skip, shown, offerMore: shown >= top, clock.GetUtcNow());
        while (shown > 1 && !replier.Fits(turn, message))
        {
            // Dropped results are not lost: "More results" starts after the last one shown.
            shown--;
            message = AnswerMessages.Answer(answer, skip, shown, offerMore: true, clock.GetUtcNow());
        }

        // Only a new question is logged and rated; "More results" pages belong to it.
        return skip == 0 ? message with { AnswerId = feedback.RecordQuestion(Door, FeedbackResponder.PersonId(turn), answer) } : message;
    }

    public async Task<TeamsMessage> ContextAsync(CardAction.ShowContext request, CancellationToken cancellationToken)
    {
        try
        {
            var context = await answers.GetContextAsync(request.Passage, ContextRadius, cancellationToken);
            return AnswerMessages.Context(context);
        }
        catch (IndexNotReadyException)
        {
            return new TeamsMessage(new Paragraph(InfoMessages.IndexNotReady));
        }
    }
}
