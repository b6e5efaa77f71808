using System.Net.WebSockets;
using System.Text.Json;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Gateway;

/// <summary>How one connection ended, and so what the next one must do.</summary>
/// <param name="ReachedReady">The connection got as far as READY or RESUMED, so it was healthy and not part of a failure streak.</param>
internal sealed record ConnectionOutcome(AfterClose Next, int? CloseCode, string Reason, bool ReachedReady);

/// <summary>
/// Drives one gateway connection from HELLO to its end: IDENTIFY or RESUME, heartbeats, dispatches, and the server's
/// requests to reconnect. It never reconnects itself; it reports how the connection ended to <see cref="GatewayClient"/>.
/// </summary>
internal sealed partial class GatewayConnectionRunner(
    IGatewayTransport transport,
    MentionResponder mentions,
    IOptions<DiscordOptions> options,
    DiscordTimings timings,
    TimeProvider time,
    ILogger<GatewayConnectionRunner> logger)
{
    public async Task<ConnectionOutcome> RunAsync(Uri gatewayUrl, GatewaySession session, CancellationToken stopping)
    {
        var resuming = session.CanResume;
        await using var connection = await transport.ConnectAsync(WithProtocol(gatewayUrl), stopping);
        var first = await ReceiveFirstFrameAsync(connection, stopping);
        if (first is { IsClose: true })
        {
            return new ConnectionOutcome(GatewayCloseCodes.Classify(first.CloseCode), first.CloseCode, GatewayCloseCodes.Explain(first.CloseCode), ReachedReady: false);
        }

        var hello = HeartbeatInterval(first);
        if (hello is null)
        {
            connection.Abort();
            return new ConnectionOutcome(AfterClose.Resume, null, "no HELLO", ReachedReady: false);
        }

        using var heartbeat = new Heartbeat(
            token => connection.SendAsync(GatewayCommands.Heartbeat(session.Sequence), token),
            TimeSpan.FromMilliseconds(hello.Value),
            time,
            stopping);

        var token = options.Value.BotToken!;
        await connection.SendAsync(resuming ? GatewayCommands.Resume(token, session.SessionId!, session.Sequence) : GatewayCommands.Identify(token), stopping);
        LogConnected(resuming ? "RESUME" : "IDENTIFY", hello.Value);

        try
        {
            return await ConverseAsync(connection, heartbeat, session, gatewayUrl, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await CloseQuietlyAsync(connection, WebSocketCloseStatus.NormalClosure, "ChatBrief is stopping");
            throw;
        }
    }

    private async Task<ConnectionOutcome> ConverseAsync(IGatewayConnection connection, Heartbeat heartbeat, GatewaySession session, Uri gatewayUrl, CancellationToken stopping)
    {
        var reachedReady = false;
        while (true)
        {
            // Not cancelled by stopping: a cancelled WebSocket receive aborts the socket, and a shutdown should close it
            // with 1000 (the heartbeat ends with the host, and the close handshake completes this receive).
            var receive = connection.ReceiveAsync(CancellationToken.None);
            var first = await Task.WhenAny(receive, heartbeat.Zombied, heartbeat.Running);
            if (first != receive)
            {
                // The heartbeat also ends when the host stops; that is a shutdown, closed cleanly by the caller.
                stopping.ThrowIfCancellationRequested();

                // A zombie will not answer a close handshake; dropping it without 1000/1001 keeps the session resumable.
                connection.Abort();
                await ((Task)receive).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return new ConnectionOutcome(AfterClose.Resume, null, heartbeat.Zombied.IsCompleted ? "no heartbeat ACK (zombie connection)" : "heartbeat could not be sent", reachedReady);
            }

            GatewayFrame frame;
            try
            {
                frame = await receive;
            }
            catch (WebSocketException exception)
            {
                return new ConnectionOutcome(AfterClose.Resume, null, $"connection dropped ({exception.WebSocketErrorCode})", reachedReady);
            }

            if (frame.IsClose)
            {
                var reason = GatewayCloseCodes.Explain(frame.CloseCode) + (frame.CloseReason is { Length: > 0 } said ? $" (Discord said: {said})" : "");
                return new ConnectionOutcome(GatewayCloseCodes.Classify(frame.CloseCode), frame.CloseCode, reason, reachedReady);
            }

            var payload = Parse(frame.Payload!);
            switch (payload?.Op)
            {
                case GatewayOpcode.Dispatch:
                    reachedReady |= OnDispatch(payload, session, gatewayUrl);
                    break;
                case GatewayOpcode.Heartbeat:
                    await heartbeat.BeatNowAsync(stopping);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    heartbeat.Acknowledge();
                    break;
                case GatewayOpcode.Reconnect:
                    await CloseQuietlyAsync(connection, (WebSocketCloseStatus)GatewayCloseCodes.Reconnecting, "reconnect requested");
                    return new ConnectionOutcome(AfterClose.Resume, null, "Discord asked to reconnect", reachedReady);
                case GatewayOpcode.InvalidSession:
                    var resumable = payload.D.ValueKind == JsonValueKind.True;
                    await CloseQuietlyAsync(connection, (WebSocketCloseStatus)GatewayCloseCodes.Reconnecting, "invalid session");
                    return new ConnectionOutcome(resumable ? AfterClose.Resume : AfterClose.Reidentify, null, resumable ? "invalid session (resumable)" : "invalid session", reachedReady);
            }
        }
    }

    /// <returns>True when the dispatch shows the session is live (READY or RESUMED).</returns>
    private bool OnDispatch(GatewayPayload payload, GatewaySession session, Uri gatewayUrl)
    {
        if (payload.S is { } sequence)
        {
            session.Observe(sequence);
        }

        switch (payload.T)
        {
            case "READY":
                // Discord's payloads are not checked against the nullable annotations, so a malformed READY is caught here.
                var ready = TryRead<ReadyEvent>(payload.D);
                if (ready is not { SessionId: not null, User.Id: not null })
                {
                    return false;
                }

                var resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var url) ? url : gatewayUrl;
                session.Start(ready.SessionId, resumeUrl, ready.User.Id);
                LogReady(ready.User.Id, ready.SessionId);
                return true;
            case "RESUMED":
                LogResumed(session.SessionId);
                return true;
            case "MESSAGE_CREATE" when session.BotUserId is { } botUserId:
                if (TryRead<ReceivedMessage>(payload.D) is { } message)
                {
                    mentions.Consider(message, botUserId);
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The first frame, which should be HELLO; null when none came in time or the connection dropped.</summary>
    private async Task<GatewayFrame?> ReceiveFirstFrameAsync(IGatewayConnection connection, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(timings.HelloTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            return await connection.ReceiveAsync(linked.Token);
        }
        catch (Exception exception) when (exception is WebSocketException || (exception is OperationCanceledException && timeout.IsCancellationRequested))
        {
            return null;
        }
    }

    private static int? HeartbeatInterval(GatewayFrame? frame) =>
        frame?.Payload is { } bytes
        && Parse(bytes) is { Op: GatewayOpcode.Hello, D.ValueKind: JsonValueKind.Object } hello
        && hello.D.TryGetProperty("heartbeat_interval", out var interval)
        && interval.TryGetInt32(out var milliseconds)
        && milliseconds > 0
            ? milliseconds
            : null;

    private static GatewayPayload? Parse(byte[] payload)
    {
        try
        {
            return JsonSerializer.Deserialize<GatewayPayload>(payload, DiscordJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T? TryRead<T>(JsonElement data)
        where T : class
    {
        try
        {
            return data.ValueKind == JsonValueKind.Object ? data.Deserialize<T>(DiscordJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Closing is a courtesy: when the other side does not take it, the connection is dropped instead.</summary>
    private static async Task CloseQuietlyAsync(IGatewayConnection connection, WebSocketCloseStatus code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await connection.CloseAsync((int)code, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            connection.Abort();
        }
    }

    private static Uri WithProtocol(Uri gatewayUrl) => new UriBuilder(gatewayUrl) { Query = "v=10&encoding=json" }.Uri;

    private sealed record ReadyEvent(string SessionId, string? ResumeGatewayUrl, DiscordUser User);

    [LoggerMessage(LogLevel.Information, "Discord gateway connected; sent {Handshake} (heartbeat every {IntervalMs} ms)")]
    private partial void LogConnected(string handshake, int intervalMs);

    [LoggerMessage(LogLevel.Information, "Discord gateway READY as user {BotUserId} (session {SessionId})")]
    private partial void LogReady(string botUserId, string sessionId);

    [LoggerMessage(LogLevel.Information, "Discord gateway session {SessionId} RESUMED")]
    private partial void LogResumed(string? sessionId);
}
