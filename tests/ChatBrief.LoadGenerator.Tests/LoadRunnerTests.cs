using ChatBrief.LoadGenerator.Reporting;
using ChatBrief.LoadGenerator.Running;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.LoadGenerator.Tests;

public class LoadRunnerTests
{
    private static readonly Uri Target = new("http://127.0.0.1:5080/");

    [Fact]
    public async Task Sends_the_rate_for_the_time_and_asks_the_questions_in_turn()
    {
        var clock = new FakeTimeProvider();
        var sender = new RecordingSender(clock, _ => Task.FromResult(new RequestOutcome(200, 5, 5)));
        var limits = new RunLimits(10, TimeSpan.FromSeconds(1), MaxRequests: 1000, MaxInFlight: 64);

        var report = await RunAsync(clock, sender, limits);

        Assert.Equal(10, report.Sent);
        Assert.Equal(10, report.Answered);
        Assert.Equal(["a", "b", "c", "a", "b", "c", "a", "b", "c", "a"], sender.Questions);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => TimeSpan.FromMilliseconds(100 * i)), sender.SentAt);
    }

    [Fact]
    public async Task Never_sends_more_than_the_maximum_number_of_requests()
    {
        var clock = new FakeTimeProvider();
        var sender = new RecordingSender(clock, _ => Task.FromResult(new RequestOutcome(200, 5, 5)));

        var report = await RunAsync(clock, sender, new RunLimits(10, TimeSpan.FromSeconds(1), MaxRequests: 4, MaxInFlight: 64));

        Assert.Equal(4, report.Sent);
    }

    [Fact]
    public async Task A_request_due_while_the_in_flight_bound_is_reached_is_not_sent_and_is_counted()
    {
        var clock = new FakeTimeProvider();
        var held = new TaskCompletionSource<RequestOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new RecordingSender(clock, sequence => sequence < 2 ? held.Task : Task.FromResult(new RequestOutcome(200, 5, 5)));

        var start = clock.GetUtcNow();
        var run = new LoadRunner(sender, clock).RunAsync(["a"], new RunLimits(10, TimeSpan.FromSeconds(1), MaxRequests: 1000, MaxInFlight: 2), CancellationToken.None);
        await AdvanceUntilAsync(clock, () => clock.GetUtcNow() - start >= TimeSpan.FromSeconds(1));
        held.SetResult(new RequestOutcome(200, 900, 900));
        var (tally, elapsed) = await run;
        var report = tally.Report("discord", Target, new RunLimits(10, TimeSpan.FromSeconds(1), 1000, 2), elapsed);

        Assert.Equal((2, 8, 2), (report.Sent, report.Shed, report.MostInFlight));
    }

    private static async Task<LoadReport> RunAsync(FakeTimeProvider clock, RecordingSender sender, RunLimits limits)
    {
        var run = new LoadRunner(sender, clock).RunAsync(["a", "b", "c"], limits, CancellationToken.None);
        await AdvanceUntilAsync(clock, () => run.IsCompleted);
        var (tally, elapsed) = await run;
        return tally.Report("discord", Target, limits, elapsed);
    }

    /// <summary>Moves the fake clock in steps of 10 ms, letting the runner's tasks run in between.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> done)
    {
        for (var step = 0; step < 500 && !done(); step++)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        await Task.Delay(20);
    }

    private sealed class RecordingSender(TimeProvider clock, Func<long, Task<RequestOutcome>> answer) : IDoorSender
    {
        private readonly DateTimeOffset _start = clock.GetUtcNow();

        public List<string> Questions { get; } = [];

        public List<TimeSpan> SentAt { get; } = [];

        public Task<RequestOutcome> SendAsync(long sequence, string question, CancellationToken cancellationToken)
        {
            lock (Questions)
            {
                Questions.Add(question);
                SentAt.Add(clock.GetUtcNow() - _start);
            }

            return answer(sequence);
        }
    }
}
