using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Answers;

/// <summary>Asks the core and renders the answer: the one path by which /ask, the paging buttons and @mentions answer.</summary>
internal sealed class AnswerComposer(IAnswerService answers, AnswerMessageBuilder builder, IOptions<SearchOptions> search)
{
    public int PageSize => Math.Clamp(search.Value.Top, 1, AnswerMessageBuilder.MaxPageSize);

    public async Task<OutgoingMessage> ComposeAsync(string question, int skip, CancellationToken cancellationToken)
    {
        var answer = await answers.AskAsync(new AskRequest(question, PageSize, skip), cancellationToken);
        return builder.Build(question, answer, skip, PageSize);
    }
}
