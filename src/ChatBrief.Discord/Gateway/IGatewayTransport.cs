namespace ChatBrief.Discord.Gateway;

/// <summary>Opens gateway connections. The seam where a WebSocket library (or a test stand-in) plugs in.</summary>
internal interface IGatewayTransport
{
    Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}

/// <summary>One gateway connection carrying JSON text frames.</summary>
internal interface IGatewayConnection : IAsyncDisposable
{
    /// <summary>Sends one frame; safe to call from the heartbeat and the receive loop at once.</summary>
    Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>The next frame, or a close frame when the server closed the connection.</summary>
    /// <exception cref="System.Net.WebSockets.WebSocketException">The connection dropped without a close frame.</exception>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes with a code and waits for the server's answer; never 1000 or 1001 when the session should stay resumable, as those end it.</summary>
    Task CloseAsync(int closeCode, string reason, CancellationToken cancellationToken);

    /// <summary>Drops the connection at once, for a zombied connection that would not answer a close.</summary>
    void Abort();
}

/// <summary>A received frame: a JSON payload, or the server's close code.</summary>
internal sealed record GatewayFrame(byte[]? Payload, int? CloseCode = null, string? CloseReason = null)
{
    public bool IsClose => Payload is null;
}
