using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace ChatBrief.Tests.Soak;

/// <summary>
/// What the soak's requests got: an answer is an inline reply (type 4) with at least one embed; a deferred reply (type 5
/// or 6) is counted apart, since a machine loaded by other work can make an answer miss Discord's first deadline, which
/// the door then meets by deferring, as Discord allows (its follow-up is tested with the deadline's own tests); anything
/// else failed.
/// </summary>
internal sealed class SoakTally
{
    private readonly ConcurrentQueue<string> _failures = new();
    private int _deferred;
    private int _answered;
    private int _answeredDuringReindex;
    private int _reindexes;

    public IReadOnlyCollection<string> Failures => _failures;

    public int AnsweredDuringReindex => Volatile.Read(ref _answeredDuringReindex);

    public int Reindexes => Volatile.Read(ref _reindexes);

    public void ReindexFinished() => Interlocked.Increment(ref _reindexes);

    /// <returns>The reply's data when it was an answer, else null.</returns>
    public async Task<JsonElement?> RecordAsync(string request, HttpResponseMessage response, bool duringReindex)
    {
        var body = await response.Content.ReadAsStringAsync();
        JsonElement? data = null;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var type = root.GetProperty("type").GetInt32();
            if (type == 4 && root.GetProperty("data").TryGetProperty("embeds", out var embeds) && embeds.GetArrayLength() > 0)
            {
                data = root.GetProperty("data").Clone();
            }
            else if (type is 5 or 6)
            {
                Interlocked.Increment(ref _deferred);
                return null;
            }
        }

        if (data is null)
        {
            _failures.Enqueue($"{request}{(duringReindex ? " (during a reindex)" : "")}: {(int)response.StatusCode} {body}");
            return null;
        }

        Interlocked.Increment(ref _answered);
        if (duringReindex)
        {
            Interlocked.Increment(ref _answeredDuringReindex);
        }

        return data;
    }

    public override string ToString() =>
        $"{Volatile.Read(ref _answered)} answers and presses ({AnsweredDuringReindex} during a reindex), {Volatile.Read(ref _deferred)} deferred, {_failures.Count} failed " +
        $"({_failures.Count(f => f.Contains("(during a reindex)", StringComparison.Ordinal))} during a reindex), {Reindexes} reindexes";
}
