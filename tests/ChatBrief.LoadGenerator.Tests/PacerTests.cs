using ChatBrief.LoadGenerator.Running;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.LoadGenerator.Tests;

public class PacerTests
{
    [Fact]
    public void Each_request_is_due_at_its_share_of_the_rate_from_the_start()
    {
        var clock = new FakeTimeProvider();
        var pacer = new Pacer(20, clock);

        var first = pacer.WaitForAsync(0, CancellationToken.None);
        var third = pacer.WaitForAsync(2, CancellationToken.None);

        Assert.True(first.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(third.IsCompleted);
    }

    [Fact]
    public void A_late_request_is_sent_at_once_and_the_schedule_does_not_slip()
    {
        var clock = new FakeTimeProvider();
        var pacer = new Pacer(10, clock);

        clock.Advance(TimeSpan.FromMilliseconds(250));

        Assert.True(pacer.WaitForAsync(2, CancellationToken.None).IsCompleted);
        Assert.False(pacer.WaitForAsync(3, CancellationToken.None).IsCompleted);
        Assert.Equal(TimeSpan.FromMilliseconds(300), pacer.DueAt(3));
    }
}
