using System.Text.Json.Nodes;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.MessageExtension;

/// <summary>
/// Answers the message extension's <c>composeExtension/query</c> invokes, in the HTTP response itself, within Teams'
/// five seconds: passages matching what the person typed, each a cited card to insert. Teams queries as the person
/// types, so these searches do not count against the per-person question limit; the door's request limits bound them.
/// </summary>
internal sealed partial class SearchExtensionResponder(IAnswerService answers, TimeProvider clock, ILogger<SearchExtensionResponder> logger)
{
    /// <summary>This door's name in the answer log.</summary>
    public const string Door = "teams-search";

    /// <summary>Teams waits five seconds; the rest of the budget is for the network.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    public const string TypeAQuestion = "Type a question, or words from the passage you are looking for.";
    public const string TooSlow = "The search took too long. Please try again.";

    public async Task<JsonObject> RespondAsync(InboundActivity activity, CancellationToken cancellationToken)
    {
        if (SearchQuery.TryRead(activity.Value) is not { Text.Length: > 0 } query)
        {
            return Message(TypeAQuestion);
        }

        Answer answer;
        try
        {
            answer = await answers.AskAsync(new AskRequest(query.Text, query.Count, query.Skip, Door), cancellationToken).WaitAsync(Budget, clock, cancellationToken);
        }
        catch (IndexNotReadyException)
        {
            return Message(InfoMessages.IndexNotReady);
        }
        catch (TimeoutException)
        {
            LogTooSlow(Budget.TotalMilliseconds);
            return Message(TooSlow);
        }

        var results = answer.Results.Select(passage => PassageCard.For(passage, closestMatch: answer.Abstained)).OfType<JsonObject>().ToList();
        if (results.Count == 0)
        {
            return Message(answer.Abstained || query.Skip == 0 ? AnswerWording.Abstention : "There are no more results for this question.");
        }

        return Envelope(new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = new JsonArray([.. results]) });
    }

    /// <summary>A plain-text notice in place of results (Teams shows it unformatted).</summary>
    private static JsonObject Message(string text) => Envelope(new JsonObject { ["type"] = "message", ["text"] = text });

    private static JsonObject Envelope(JsonObject result) => new() { ["composeExtension"] = result };

    [LoggerMessage(LogLevel.Warning, "A message extension search took longer than {BudgetMs} ms; told the person to try again")]
    private partial void LogTooSlow(double budgetMs);
}
