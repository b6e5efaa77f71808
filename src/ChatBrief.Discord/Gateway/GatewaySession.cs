namespace ChatBrief.Discord.Gateway;

/// <summary>What survives a dropped connection so that the next one can RESUME instead of IDENTIFY.</summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    /// <summary>The bot's own user id, to recognise mentions of it and its own messages.</summary>
    public string? BotUserId { get; private set; }

    /// <summary>The last dispatch sequence number, or null before the first dispatch.</summary>
    public long? Sequence => Interlocked.Read(ref _sequence) is var sequence and >= 0 ? sequence : null;

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Observe(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    public void Start(string sessionId, Uri resumeUrl, string botUserId)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
        BotUserId = botUserId;
    }

    public void Forget()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
