namespace ChatBrief.LoadGenerator.Reporting;

/// <summary>Collects what a run saw, from the pacing loop and from every request's own task at once.</summary>
internal sealed class LoadTally
{
    private readonly Lock _gate = new();
    private readonly List<RequestOutcome> _outcomes = [];
    private int _shed;
    private int _mostInFlight;
    private TimeSpan _latestSend;

    /// <summary>A request left the generator <paramref name="lag"/> after it was due, with <paramref name="inFlight"/> requests out.</summary>
    public void RecordSend(TimeSpan lag, int inFlight)
    {
        lock (_gate)
        {
            _mostInFlight = Math.Max(_mostInFlight, inFlight);
            _latestSend = lag > _latestSend ? lag : _latestSend;
        }
    }

    /// <summary>A request was due while <see cref="Running.RunLimits.MaxInFlight"/> were out, and was not sent.</summary>
    public void RecordShed() => Interlocked.Increment(ref _shed);

    public void Record(RequestOutcome outcome)
    {
        lock (_gate)
        {
            _outcomes.Add(outcome);
        }
    }

    public LoadReport Report(string door, Uri target, Running.RunLimits limits, TimeSpan elapsed)
    {
        lock (_gate)
        {
            return LoadReport.From(door, target, limits, elapsed, [.. _outcomes], _shed, _mostInFlight, _latestSend);
        }
    }
}
