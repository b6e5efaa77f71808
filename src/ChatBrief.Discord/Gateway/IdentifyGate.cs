using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Gateway;

/// <summary>
/// Lets an IDENTIFY through only when Discord's budget allows it. Discord allows 1000 per day and resets the bot's
/// token when a reconnect loop goes past that, so before each IDENTIFY the remaining budget is read from
/// <c>GET /gateway/bot</c> (which also gives the URL to connect to), an exhausted budget is waited out, and
/// IDENTIFYs are spaced by Discord's concurrency window. IDENTIFYs that follow each other closely (a session that keeps
/// being invalidated) are spaced further and further apart, so even a persistent fault spends the budget slowly.
/// </summary>
internal sealed partial class IdentifyGate(IDiscordRestClient rest, DiscordTimings timings, TimeProvider time, ILogger<IdentifyGate> logger)
{
    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;
    private int _streak;

    /// <summary>Waits for the budget, then returns the gateway URL to IDENTIFY on.</summary>
    public async Task<Uri> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        var info = await rest.GetGatewayBotAsync(cancellationToken);
        var limit = info.SessionStartLimit;
        if (limit.Remaining <= 0)
        {
            var reset = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            LogBudgetExhausted(limit.Total, reset.TotalMinutes);
            await Task.Delay(reset, time, cancellationToken);
        }
        else if (limit.Remaining * 10 < limit.Total)
        {
            LogBudgetLow(limit.Remaining, limit.Total);
        }

        var sinceLast = time.GetUtcNow() - _lastIdentify;
        _streak = sinceLast < timings.IdentifyStreakWindow ? Math.Min(_streak + 1, 16) : 0;
        var spacing = timings.IdentifySpacing * Math.Pow(2, _streak);
        var wait = (spacing < timings.IdentifySpacingMax ? spacing : timings.IdentifySpacingMax) - sinceLast;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        _lastIdentify = time.GetUtcNow();
        return new Uri(info.Url);
    }

    [LoggerMessage(LogLevel.Error, "Discord's identify budget ({Total} a day) is used up; waiting {Minutes:0} minutes before connecting again")]
    private partial void LogBudgetExhausted(int total, double minutes);

    [LoggerMessage(LogLevel.Warning, "Only {Remaining} of {Total} Discord gateway identifies are left today; something is reconnecting too often")]
    private partial void LogBudgetLow(int remaining, int total);
}
