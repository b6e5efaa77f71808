using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Gateway;

/// <summary>
/// Keeps the bot connected to the gateway for as long as the host runs: resumes after drops and reconnect requests,
/// identifies afresh (within the identify budget) when the session is gone, backs off while connections keep failing,
/// and stops for good, saying why, on the close codes that no reconnect can fix.
/// </summary>
internal sealed partial class GatewayClient(
    GatewayConnectionRunner runner,
    IdentifyGate identifyGate,
    IOptions<DiscordOptions> options,
    DiscordTimings timings,
    TimeProvider time,
    ILogger<GatewayClient> logger) : BackgroundService
{
    private const int MaxResumeAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (DiscordSettings.ProblemForInteractions(options.Value) is not null)
        {
            // The whole Discord door is off, and MapDiscord has already said why.
            return;
        }

        if (DiscordSettings.ProblemForGateway(options.Value) is { } problem)
        {
            LogNotStarted(problem);
            return;
        }

        var session = new GatewaySession();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            ConnectionOutcome outcome;
            try
            {
                var url = session.CanResume ? session.ResumeUrl! : await identifyGate.WaitForTurnAsync(stoppingToken);
                outcome = await runner.RunAsync(url, session, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordRestException exception) when (exception.StatusCode == 401)
            {
                LogStopped(401, "GET /gateway/bot refused the token: Discord:BotToken is wrong or was reset");
                return;
            }
            catch (Exception exception)
            {
                LogConnectFailed(exception);
                outcome = new ConnectionOutcome(AfterClose.Resume, null, exception.Message, ReachedReady: false);
            }

            if (outcome.Next == AfterClose.Stop)
            {
                LogStopped(outcome.CloseCode, outcome.Reason);
                return;
            }

            failures = outcome.ReachedReady ? 0 : failures + 1;
            var wait = failures == 0 ? TimeSpan.Zero : Backoff(failures);

            // A session that cannot be resumed after several tries is as good as gone; its resume URL may be dead too.
            if (outcome.Next == AfterClose.Reidentify || failures >= MaxResumeAttempts)
            {
                session.Forget();
                wait = Max(wait, RandomBetween(timings.InvalidSessionDelayMin, timings.InvalidSessionDelayMax));
            }

            LogReconnecting(outcome.Reason, outcome.CloseCode, session.CanResume ? "RESUME" : "IDENTIFY", wait.TotalMilliseconds);
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogShutdown();
    }

    /// <summary>Doubles from the base delay on each consecutive failure, capped, with jitter so restarts do not stampede.</summary>
    private TimeSpan Backoff(int failures)
    {
        var exponential = timings.ReconnectDelayBase * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = exponential < timings.ReconnectDelayMax ? exponential : timings.ReconnectDelayMax;
        return capped * (0.75 + (Random.Shared.NextDouble() * 0.5));
    }

    private static TimeSpan RandomBetween(TimeSpan min, TimeSpan max) => min + ((max - min) * Random.Shared.NextDouble());

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(LogLevel.Warning, "Discord gateway not started (slash commands still work; @mentions are not answered): {Problem}")]
    private partial void LogNotStarted(string problem);

    [LoggerMessage(LogLevel.Critical, "Discord gateway stopped for good after close code {CloseCode}: {Reason}. Not reconnecting; fix the cause and restart ChatBrief")]
    private partial void LogStopped(int? closeCode, string reason);

    [LoggerMessage(LogLevel.Warning, "Discord gateway connection failed")]
    private partial void LogConnectFailed(Exception exception);

    [LoggerMessage(LogLevel.Information, "Discord gateway connection ended ({Reason}, close code {CloseCode}); reconnecting with {Handshake} in {DelayMs:0} ms")]
    private partial void LogReconnecting(string reason, int? closeCode, string handshake, double delayMs);

    [LoggerMessage(LogLevel.Information, "Discord gateway disconnected: ChatBrief is stopping")]
    private partial void LogShutdown();
}
