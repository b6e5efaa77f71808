using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Answers;

/// <summary>Asks the core and renders the answer: the one path by which /ask, the paging buttons and @mentions answer.</summary>
internal sealed class AnswerComposer(IAnswerService answers, AnswerMessageBuilder builder, IOptions<SearchOptions> search, QuestionRateLimiter pace, FeedbackLog feedback)
{
    /// <summary>This door's name in the answer log and in the per-person question limits.</summary>
    public const string Door = "discord";

    public int PageSize => Math.Clamp(search.Value.Top, 1, AnswerMessageBuilder.MaxPageSize);

    /// <summary>
    /// Counts a question (or a "More results" press, which searches as much) by <paramref name="personId"/>: null when it
    /// may be answered, else the polite "slow down" to reply with instead.
    /// </summary>
    public string? SlowDownFor(string? personId) =>
        pace.TryAdmit(Door, personId ?? "unknown") is { } retryAfter ? AnswerWording.SlowDown(retryAfter) : null;

    /// <param name="askerId">Who asked, for a new question: it is logged and its answer carries 👍/👎 buttons. Null for a page of an earlier one.</param>
    public async Task<OutgoingMessage> ComposeAsync(string question, int skip, CancellationToken cancellationToken, string? askerId = null)
    {
        var answer = await answers.AskAsync(new AskRequest(question, PageSize, skip, Door), cancellationToken);
        var answerId = askerId is not null && skip == 0 ? feedback.RecordQuestion(Door, askerId, answer) : null;
        return builder.Build(question, answer, skip, PageSize, answerId);
    }
}
