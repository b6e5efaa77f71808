using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Tests.Discord.Support;

/// <summary>
/// A local WebSocket server on 127.0.0.1 that plays Discord's gateway: each connection the bot opens is handed to the
/// test, which scripts what the "gateway" says and checks what the bot sends.
/// </summary>
internal sealed class GatewayStandIn : IAsyncDisposable
{
    private readonly Channel<StandInConnection> _connections = Channel.CreateUnbounded<StandInConnection>();
    private WebApplication _app = null!;
    private int _opened;

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri ResumeUrl { get; private set; } = null!;

    public int ConnectionsOpened => Volatile.Read(ref _opened);

    public static async Task<GatewayStandIn> StartAsync()
    {
        var standIn = new GatewayStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        standIn._app = builder.Build();
        standIn._app.UseWebSockets();
        standIn._app.Run(standIn.AcceptAsync);
        await standIn._app.StartAsync();
        var http = new Uri(standIn._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        standIn.GatewayUrl = new Uri($"ws://{http.Authority}/gateway");
        standIn.ResumeUrl = new Uri($"ws://{http.Authority}/resume");
        return standIn;
    }

    /// <summary>The next connection the bot opens.</summary>
    public async Task<StandInConnection> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(Patience.Bound);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new StandInConnection(socket, context.Request.Path, context.Request.QueryString.Value ?? "", context.Abort);
        Interlocked.Increment(ref _opened);
        await _connections.Writer.WriteAsync(connection);
        await connection.RunAsync(context.RequestAborted);
    }
}

/// <summary>One connection to the stand-in: what the bot sent on it, and the means to answer. It lives until either side ends it.</summary>
internal sealed class StandInConnection(WebSocket socket, string path, string query, Action abort)
{
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _heartbeats = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> _clientClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>Whether heartbeats are acknowledged; false plays a zombied connection.</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>The close code the bot closed with, or null when it dropped the connection.</summary>
    public Task<int?> ClientClosed => _clientClosed.Task;

    public async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, aborted);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _clientClosed.TrySetResult((int?)result.CloseStatus);
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }

                    return;
                }

                using var document = JsonDocument.Parse(message.ToArray());
                var frame = document.RootElement.Clone();
                if (frame.GetProperty("op").GetInt32() == 1)
                {
                    await _heartbeats.Writer.WriteAsync(frame);
                    if (AcknowledgeHeartbeats)
                    {
                        await SendAsync(new { op = 11 });
                    }
                }
                else
                {
                    await _frames.Writer.WriteAsync(frame);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            _clientClosed.TrySetResult(null);
        }
    }

    public async Task SendAsync(object payload)
    {
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    public Task HelloAsync(int heartbeatIntervalMs) => SendAsync(new { op = 10, d = new { heartbeat_interval = heartbeatIntervalMs }, s = (int?)null, t = (string?)null });

    public Task DispatchAsync(string type, long sequence, object data) => SendAsync(new { op = 0, d = data, s = sequence, t = type });

    public Task ReadyAsync(Uri resumeUrl, long sequence = 1) => DispatchAsync("READY", sequence, new
    {
        v = 10,
        user = new { id = GatewayTestsConstants.BotUserId, username = "ChatBrief", bot = true },
        guilds = Array.Empty<object>(),
        session_id = GatewayTestsConstants.SessionId,
        resume_gateway_url = resumeUrl.ToString(),
        application = new { id = DiscordHost.ApplicationId, flags = 0 },
    });

    /// <summary>The next frame the bot sent other than a heartbeat, which must have opcode <paramref name="op"/>.</summary>
    public async Task<JsonElement> ExpectAsync(int op)
    {
        var frame = await _frames.Reader.ReadAsync().AsTask().WaitAsync(Patience.Bound);
        Assert.Equal(op, frame.GetProperty("op").GetInt32());
        return frame.GetProperty("d");
    }

    public async Task<JsonElement> NextHeartbeatAsync() => await _heartbeats.Reader.ReadAsync().AsTask().WaitAsync(Patience.Bound);

    /// <summary>
    /// The first heartbeat that carries <paramref name="sequence"/>: a heartbeat sent before the client read the last
    /// dispatches still carries an older one, which on a busy machine is often the next in line.
    /// </summary>
    public async Task<JsonElement> HeartbeatCarryingAsync(long sequence)
    {
        while (true)
        {
            var heartbeat = await NextHeartbeatAsync();
            if (heartbeat.GetProperty("d") is { ValueKind: JsonValueKind.Number } carried && carried.GetInt64() == sequence)
            {
                return heartbeat;
            }
        }
    }

    /// <summary>Closes from the "gateway" side with <paramref name="code"/>.</summary>
    public async Task CloseAsync(int code)
    {
        await socket.CloseOutputAsync((WebSocketCloseStatus)code, "stand-in", CancellationToken.None);
    }

    /// <summary>Drops the TCP connection without a close frame, as a network failure would.</summary>
    public void Drop() => abort();
}

internal static class GatewayTestsConstants
{
    public const string BotUserId = "999";
    public const string SessionId = "session-1";
}
