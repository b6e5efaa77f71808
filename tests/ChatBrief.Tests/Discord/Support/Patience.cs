namespace ChatBrief.Tests.Discord.Support;

/// <summary>
/// How long a test waits for something that should happen before it calls it a hang. A passing test never waits this
/// long, so it costs nothing; but what takes milliseconds on a quiet machine took more than 10 seconds on a loaded
/// 2-core one (a host starting, a gateway connecting), and a shorter bound turned that into a failure.
/// </summary>
internal static class Patience
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
}
