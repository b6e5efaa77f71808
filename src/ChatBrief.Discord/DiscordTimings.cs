namespace ChatBrief.Discord;

/// <summary>
/// Protocol timings. They are not settings: the defaults follow Discord's documentation, and only tests replace them
/// (by registering another instance) so that reconnects and deadlines play out in milliseconds.
/// </summary>
internal sealed record DiscordTimings
{
    /// <summary>How long an answer may take before the reply is deferred: Discord drops responses after 3 s.</summary>
    public TimeSpan AnswerBudget { get; init; } = TimeSpan.FromSeconds(2.2);

    /// <summary>Autocomplete must feel instant; a late list is worse than an empty one.</summary>
    public TimeSpan AutocompleteBudget { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Requests signed longer ago than this (or this far in the future) are replays.</summary>
    public TimeSpan MaxSignatureAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Progress edits of a deferred response share the webhook rate limit; one every few seconds is plenty.</summary>
    public TimeSpan ProgressEditInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>First backoff of a retried REST request that failed for a reason other than a rate limit.</summary>
    public TimeSpan RestRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for HELLO after the socket opens before treating the connection as dead.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One IDENTIFY per this interval per max_concurrency bucket (Discord: 5 s).</summary>
    public TimeSpan IdentifySpacing { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An IDENTIFY within this time of the previous one doubles the spacing before the next.</summary>
    public TimeSpan IdentifyStreakWindow { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan IdentifySpacingMax { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Discord asks for a random 1-5 s wait before identifying again after an invalid session.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait after a failed connection; doubles on each further failure up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(60);
}
