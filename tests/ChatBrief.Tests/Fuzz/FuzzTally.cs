using System.Collections.Concurrent;
using System.Net;

namespace ChatBrief.Tests.Fuzz;

/// <summary>What a fuzz run's requests got, for the test's output and the README's reliability table.</summary>
public sealed class FuzzTally
{
    private readonly ConcurrentDictionary<string, int> _byKindAndStatus = new();
    private int _requests;
    private int _forgeriesAccepted;
    private int _serverErrors;

    public int Requests => _requests;

    public int ForgeriesAccepted => _forgeriesAccepted;

    public int ServerErrors => _serverErrors;

    public void Record(string kind, bool isForgery, HttpStatusCode status)
    {
        Interlocked.Increment(ref _requests);
        if (isForgery && (int)status < 300)
        {
            Interlocked.Increment(ref _forgeriesAccepted);
        }

        if ((int)status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }

        _byKindAndStatus.AddOrUpdate($"{kind} -> {(int)status}", 1, (_, count) => count + 1);
    }

    public string Summary(string endpoint) =>
        $"{endpoint}: {Requests} requests, {ForgeriesAccepted} forgeries accepted, {ServerErrors} server errors\n"
        + string.Join("\n", _byKindAndStatus.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"  {entry.Key}: {entry.Value}"));
}
