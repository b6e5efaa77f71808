using ChatBrief.LoadGenerator.Reporting;

namespace ChatBrief.LoadGenerator.Running;

/// <summary>Sends questions through one door at a set rate for a set time, within the run's bounds, and tallies the outcomes.</summary>
internal sealed class LoadRunner(IDoorSender sender, TimeProvider clock)
{
    /// <returns>The tally and the time from the first send to the last outcome.</returns>
    public async Task<(LoadTally Tally, TimeSpan Elapsed)> RunAsync(IReadOnlyList<string> questions, RunLimits limits, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            throw new ArgumentException("No questions to send.", nameof(questions));
        }

        var tally = new LoadTally();
        var pacer = new Pacer(limits.RequestsPerSecond, clock);
        var inFlight = 0;
        var running = new List<Task>();
        for (long sequence = 0; sequence < limits.MaxRequests && pacer.DueAt(sequence) < limits.Duration; sequence++)
        {
            await pacer.WaitForAsync(sequence, cancellationToken);
            var nowInFlight = Interlocked.Increment(ref inFlight);
            if (nowInFlight > limits.MaxInFlight)
            {
                Interlocked.Decrement(ref inFlight);
                tally.RecordShed();
                continue;
            }

            tally.RecordSend(pacer.Elapsed - pacer.DueAt(sequence), nowInFlight);
            running.Add(SendOneAsync(sequence, questions[(int)(sequence % questions.Count)]));
        }

        await Task.WhenAll(running);
        return (tally, pacer.Elapsed);

        async Task SendOneAsync(long sequence, string question)
        {
            // Off the pacing loop: signing and serialising a request must not delay the next one.
            await Task.Yield();
            try
            {
                tally.Record(await sender.SendAsync(sequence, question, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                tally.Record(RequestOutcome.NoResponse(0, e.GetType().Name));
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
