using System.Buffers;
using System.Net.WebSockets;
using ChatBrief.Discord.Rest;

namespace ChatBrief.Discord.Gateway;

/// <summary>The gateway over <see cref="ClientWebSocket"/>, uncompressed JSON.</summary>
internal sealed class WebSocketGatewayTransport : IGatewayTransport
{
    public async Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", DiscordRestClient.UserAgent);
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
            return new Connection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class Connection(ClientWebSocket socket) : IGatewayConnection
    {
        // READY and large dispatches can be big, but a frame past this is not something ChatBrief should hold in memory.
        private const int MaxFrameBytes = 16 * 1024 * 1024;

        private readonly SemaphoreSlim _sending = new(1, 1);

        public async Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                // Not cancelled once begun: a cancelled WebSocket send aborts the socket, so a heartbeat caught by the host
                // stopping would drop the connection instead of letting it close with 1000. A frame is small and is sent
                // at once; a dead connection is found by the missing heartbeat ACK instead.
                await socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new ArrayBufferWriter<byte>(8192);
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new GatewayFrame(null, (int?)socket.CloseStatus, socket.CloseStatusDescription);
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxFrameBytes)
                {
                    throw new WebSocketException(WebSocketError.Faulted, "A gateway frame exceeded the size ChatBrief accepts.");
                }

                if (result.EndOfMessage)
                {
                    return new GatewayFrame(buffer.WrittenSpan.ToArray());
                }
            }
        }

        public async Task CloseAsync(int closeCode, string reason, CancellationToken cancellationToken)
        {
            // The full handshake waits for the server's answer: disposing right after sending the close frame could
            // reset the connection before the server has read it, turning a deliberate close into a drop.
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync((WebSocketCloseStatus)closeCode, reason, cancellationToken);
            }
        }

        public void Abort() => socket.Abort();

        public ValueTask DisposeAsync()
        {
            socket.Dispose();
            _sending.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
