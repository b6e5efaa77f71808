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

    /// <summary>False when the queue is full or closed; the endpoint then answers 503 so that Teams retries later.</summary>
    public bool TryEnqueue(InboundTurn turn) => _channel.Writer.TryWrite(turn);

    /// <summary>Takes no more turns (the host is stopping); readers still get the turns already queued.</summary>
    public void Close() => _channel.Writer.TryComplete();

    public IAsyncEnumerable<InboundTurn> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
