using ChatBrief.Teams.Processing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Teams.Tests;

public sealed class ActivityDeduplicatorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryClaim_SameKeyTwice_SecondRefused()
    {
        var deduplicator = new ActivityDeduplicator(_clock);

        Assert.True(deduplicator.TryClaim("c|1"));
        Assert.False(deduplicator.TryClaim("c|1"));
        Assert.True(deduplicator.TryClaim("c|2"));
    }

    [Fact]
    public void TryClaim_AfterLifetime_ClaimedAgain()
    {
        var deduplicator = new ActivityDeduplicator(_clock);
        deduplicator.TryClaim("c|1");

        _clock.Advance(ActivityDeduplicator.Lifetime + TimeSpan.FromSeconds(1));

        Assert.True(deduplicator.TryClaim("c|1"));
    }

    [Fact]
    public void TryClaim_BeyondCapacity_OldestForgotten()
    {
        var deduplicator = new ActivityDeduplicator(_clock);
        for (var i = 0; i <= ActivityDeduplicator.Capacity; i++)
        {
            deduplicator.TryClaim($"c|{i}");
        }

        Assert.True(deduplicator.TryClaim("c|0"));
        Assert.False(deduplicator.TryClaim($"c|{ActivityDeduplicator.Capacity}"));
    }

    [Fact]
    public void Release_ClaimedKey_CanBeClaimedAgain()
    {
        var deduplicator = new ActivityDeduplicator(_clock);
        deduplicator.TryClaim("c|1");

        deduplicator.Release("c|1");

        Assert.True(deduplicator.TryClaim("c|1"));
    }
}
