using ChatBrief.LoadGenerator.Reporting;

namespace ChatBrief.LoadGenerator.Running;

/// <summary>Sends one request and times it until its whole body has arrived, turning the ways it can fail into outcomes.</summary>
internal static class HttpTiming
{
    /// <param name="read">Says how the request went from the buffered response, the timestamp it was sent at and its response time in ms.</param>
    public static async Task<RequestOutcome> SendAsync(
        HttpClient http, HttpRequestMessage request, TimeProvider clock, Func<HttpResponseMessage, long, double, Task<RequestOutcome>> read, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return await read(response, started, clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return RequestOutcome.NoResponse(clock.GetElapsedTime(started).TotalMilliseconds, $"no response ({e.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RequestOutcome.NoResponse(clock.GetElapsedTime(started).TotalMilliseconds, "no response (client timeout)");
        }
    }

    /// <summary>Milliseconds from <paramref name="started"/> until <paramref name="delivered"/> completes, or null after <paramref name="timeout"/>.</summary>
    public static async Task<double?> WaitForDeliveryAsync(Task<long> delivered, long started, TimeProvider clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var at = await delivered.WaitAsync(timeout, clock, cancellationToken);
            return clock.GetElapsedTime(started, at).TotalMilliseconds;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
