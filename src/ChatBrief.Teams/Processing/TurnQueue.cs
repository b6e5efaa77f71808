using System.Threading.Channels;

namespace ChatBrief.Teams.Processing;

/// <summary>Hands authenticated activities from the HTTP endpoint (which must answer at once) to the background worker.</summary>
internal sealed class TurnQueue
{
    public const int Capacity = 256;

    private readonly Channel<InboundTurn> _channel = Channel.CreateBounded<InboundTurn>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleWriter = false,
        SingleReader = false,
    });

    /// <summary>False when the queue is full; the endpoint then answers 503 so that Teams retries later.</summary>
    public bool TryEnqueue(InboundTurn turn) => _channel.Writer.TryWrite(turn);

    public IAsyncEnumerable<InboundTurn> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
