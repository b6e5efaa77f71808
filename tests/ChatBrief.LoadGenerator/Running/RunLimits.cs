namespace ChatBrief.LoadGenerator.Running;

/// <summary>What one run may send: a rate for a time, never more than <see cref="MaxRequests"/> in all nor <see cref="MaxInFlight"/> at once.</summary>
internal sealed record RunLimits(double RequestsPerSecond, TimeSpan Duration, int MaxRequests, int MaxInFlight);
