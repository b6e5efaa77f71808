namespace ChatBrief.Discord.Tests.Support;

/// <summary>A clock that says what the test says; timers still run in real time.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
