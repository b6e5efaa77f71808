using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBrief.Core.Benchmarking;
using ChatBrief.LoadGenerator.Running;

namespace ChatBrief.LoadGenerator.Reporting;

/// <summary>The figures of one run: printed as text for people, then as one JSON line for scripts (README, "Performance").</summary>
internal sealed record LoadReport
{
    public required string Door { get; init; }

    public required Uri Target { get; init; }

    public required RunLimits Limits { get; init; }

    /// <summary>From the first send to the last outcome.</summary>
    public required double Seconds { get; init; }

    public required int Sent { get; init; }

    public required int Answered { get; init; }

    public required int Shed { get; init; }

    public required int Deferred { get; init; }

    public required IReadOnlyDictionary<string, int> Errors { get; init; }

    /// <summary>The response times of the answered requests, sorted.</summary>
    public required double[] ResponseMs { get; init; }

    /// <summary>The answer times of the answered requests, sorted.</summary>
    public required double[] AnswerMs { get; init; }

    public required int MostInFlight { get; init; }

    public required double LatestSendMs { get; init; }

    /// <summary>The CPU time serve spent during the run, when its process was given.</summary>
    public TimeSpan? ServeCpu { get; init; }

    public double AnswersPerSecond => Seconds <= 0 ? 0 : Answered / Seconds;

    /// <summary>serve's CPU time per answer: what an answer through the door costs the machine, however busy it is.</summary>
    public double? ServeCpuMsPerAnswer => ServeCpu is { } cpu && Answered > 0 ? cpu.TotalMilliseconds / Answered : null;

    public static LoadReport From(string door, Uri target, RunLimits limits, TimeSpan elapsed, IReadOnlyList<RequestOutcome> outcomes, int shed, int mostInFlight, TimeSpan latestSend)
    {
        var answered = outcomes.Where(o => o.Succeeded).ToList();
        return new LoadReport
        {
            Door = door,
            Target = target,
            Limits = limits,
            Seconds = elapsed.TotalSeconds,
            Sent = outcomes.Count,
            Answered = answered.Count,
            Shed = shed,
            Deferred = outcomes.Count(o => o.Deferred),
            Errors = outcomes.Where(o => !o.Succeeded).GroupBy(o => o.ErrorKind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            ResponseMs = [.. answered.Select(o => o.ResponseMs).Order()],
            AnswerMs = [.. answered.Select(o => o.AnswerMs ?? o.ResponseMs).Order()],
            MostInFlight = mostInFlight,
            LatestSendMs = latestSend.TotalMilliseconds,
        };
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Door} door at {Target}: {Limits.RequestsPerSecond:0.##} requests/s offered for {Limits.Duration.TotalSeconds:0.##} s (at most {Limits.MaxRequests:N0} requests, {Limits.MaxInFlight} in flight)");
        text.AppendLine(CultureInfo.InvariantCulture, $"sent {Sent:N0}, answered {Answered:N0} ({AnswersPerSecond:0.0}/s over {Seconds:0.0} s), not sent because {Limits.MaxInFlight} were in flight {Shed:N0}, deferred {Deferred:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"response ms: {Quantiles(ResponseMs)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"answer ms:   {Quantiles(AnswerMs)}");
        text.AppendLine(Errors.Count == 0 ? "errors: none" : "errors: " + string.Join(", ", Errors.Select(e => $"{e.Key} x{e.Value}")));
        if (ServeCpuMsPerAnswer is { } cpu)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"serve's CPU: {ServeCpu!.Value.TotalSeconds:0.0} s, {cpu:0.0} ms an answer");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"generator: at most {MostInFlight} in flight, latest send {LatestSendMs:0.0} ms behind schedule");
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["door"] = Door,
        ["target"] = Target.ToString(),
        ["rate"] = Limits.RequestsPerSecond,
        ["seconds"] = Limits.Duration.TotalSeconds,
        ["max_in_flight"] = Limits.MaxInFlight,
        ["sent"] = Sent,
        ["answered"] = Answered,
        ["shed"] = Shed,
        ["deferred"] = Deferred,
        ["answers_per_s"] = Math.Round(AnswersPerSecond, 2),
        ["response_p50_ms"] = Rounded(ResponseMs, 0.50),
        ["response_p95_ms"] = Rounded(ResponseMs, 0.95),
        ["response_p99_ms"] = Rounded(ResponseMs, 0.99),
        ["response_max_ms"] = Rounded(ResponseMs, 1),
        ["answer_p50_ms"] = Rounded(AnswerMs, 0.50),
        ["answer_p95_ms"] = Rounded(AnswerMs, 0.95),
        ["answer_p99_ms"] = Rounded(AnswerMs, 0.99),
        ["errors"] = Errors,
        ["serve_cpu_ms_per_answer"] = ServeCpuMsPerAnswer is { } cpu ? Math.Round(cpu, 2) : null,
        ["most_in_flight"] = MostInFlight,
        ["latest_send_ms"] = Math.Round(LatestSendMs, 2),
    });

    private static string Quantiles(double[] sorted) => sorted.Length == 0
        ? "none answered"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {Rounded(sorted, 0.50)}  p95 {Rounded(sorted, 0.95)}  p99 {Rounded(sorted, 0.99)}  max {Rounded(sorted, 1)}");

    private static double Rounded(double[] sorted, double share) => Math.Round(Percentile.NearestRank(sorted, share), 2);
}
