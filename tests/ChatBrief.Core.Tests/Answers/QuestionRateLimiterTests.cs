using ChatBrief.Core;
using ChatBrief.Core.Answers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Core.Tests.Answers;

public sealed class QuestionRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly QuestionRateLimiter _limiter;

    public QuestionRateLimiterTests() => _limiter = new(Options.Create(new LimitsOptions { QuestionsPerMinute = 3 }), _clock);

    [Fact]
    public void TryAdmit_UpToTheLimit_AdmitsThenSaysHowLongUntilTheNextQuestion()
    {
        var admitted = Enumerable.Range(0, 3).Select(_ => _limiter.TryAdmit("discord", "5")).ToList();

        var refused = _limiter.TryAdmit("discord", "5");

        Assert.All(admitted, Assert.Null);
        // One question comes back every 60 / 3 seconds.
        Assert.Equal(TimeSpan.FromSeconds(20), refused);
    }

    [Fact]
    public void TryAdmit_CountsEachPersonOnEachDoorSeparately()
    {
        for (var i = 0; i < 3; i++)
        {
            _limiter.TryAdmit("discord", "5");
        }

        Assert.Null(_limiter.TryAdmit("discord", "6"));
        Assert.Null(_limiter.TryAdmit("teams", "5"));
        Assert.NotNull(_limiter.TryAdmit("discord", "5"));
    }

    [Fact]
    public void TryAdmit_AfterTheWaitItNamed_AdmitsOneMore()
    {
        AskThreeTimes();
        var wait = _limiter.TryAdmit("discord", "5")!.Value;

        _clock.Advance(wait - TimeSpan.FromSeconds(1));
        var tooSoon = _limiter.TryAdmit("discord", "5");
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), tooSoon);
        Assert.Null(_limiter.TryAdmit("discord", "5"));
        Assert.NotNull(_limiter.TryAdmit("discord", "5"));
    }

    [Fact]
    public void TryAdmit_AfterAMinuteAway_AdmitsAWholeBurstAgain()
    {
        AskThreeTimes();
        _clock.Advance(TimeSpan.FromMinutes(5));

        var again = Enumerable.Range(0, 4).Select(_ => _limiter.TryAdmit("discord", "5")).ToList();

        Assert.All(again.Take(3), Assert.Null);
        Assert.NotNull(again[3]);
    }

    private void AskThreeTimes()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(_limiter.TryAdmit("discord", "5"));
        }
    }

    [Theory]
    [InlineData(20.0, "try again in 20 seconds.")]
    [InlineData(0.2, "try again in 1 second.")]
    [InlineData(5.5, "try again in 6 seconds.")]
    public void SlowDown_RoundsTheWaitUpToWholeSeconds(double seconds, string expectedEnding) =>
        Assert.EndsWith(expectedEnding, AnswerWording.SlowDown(TimeSpan.FromSeconds(seconds)));
}
