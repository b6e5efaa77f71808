using ChatBrief.Core.Moderation;
using ChatBrief.Core.Sources;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// Runs a moderator's change to the sources (a download and a reindex take longer than Discord's three seconds) and
/// edits the deferred response with what changed, or with the reason nothing did.
/// </summary>
internal sealed partial class SourceChangeJob(IDiscordRestClient rest, ILogger<SourceChangeJob> logger)
{
    public async Task RunAsync(string interactionToken, Func<CancellationToken, Task<SourceChange>> change, CancellationToken cancellationToken)
    {
        OutgoingMessage outcome;
        try
        {
            outcome = Describe(await change(cancellationToken));
        }
        catch (SourceExistsException exists)
        {
            outcome = Result("Source not changed", $"A source named “{exists.FileName}” already exists. To overwrite it, run /source add again with the same file and replace: True.");
        }
        catch (SourceChangeRefusedException refused)
        {
            outcome = Result("Source not changed", refused.Message);
        }

        try
        {
            await rest.EditOriginalResponseAsync(interactionToken, outcome, cancellationToken);
        }
        catch (DiscordRestException exception)
        {
            // The change and its audit line stand; only the moderator's view of them is lost.
            LogEditFailed(exception.StatusCode, exception.ErrorCode);
        }
    }

    private static OutgoingMessage Describe(SourceChange change) => change.Report is { } report
        ? ReindexSummary.Create(change.Change, report, change.PassagesBefore)
        : Result(change.Change, $"The index was not updated: {change.IndexProblem} Run /reindex to bring it up to date.");

    private static OutgoingMessage Result(string title, string description) =>
        OutgoingMessage.Create([new Embed(TextFitter.Fit(title, MessageLimits.Title, DiscordMarkdown.Escape), TextFitter.Fit(description, MessageLimits.Description, DiscordMarkdown.Escape))]);

    [LoggerMessage(LogLevel.Warning, "Could not edit the /source response: {StatusCode} (code {ErrorCode})")]
    private partial void LogEditFailed(int statusCode, int? errorCode);
}
