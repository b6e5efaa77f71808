using System.Text.Json;
using ChatBrief.LoadGenerator.Reporting;
using ChatBrief.LoadGenerator.Running;

namespace ChatBrief.LoadGenerator.Tests;

public class LoadReportTests
{
    private static readonly RunLimits Limits = new(50, TimeSpan.FromSeconds(2), 100, 64);

    [Fact]
    public void Latencies_are_those_of_answered_requests_and_errors_are_counted_by_status_and_reason()
    {
        List<RequestOutcome> outcomes =
        [
            .. Enumerable.Range(1, 100).Select(ms => new RequestOutcome(200, ms, ms * 10)),
            new RequestOutcome(503, 1, null),
            new RequestOutcome(503, 2, null),
            new RequestOutcome(200, 3, null, "accepted, no reply"),
            RequestOutcome.NoResponse(4, "no response (ConnectionError)"),
        ];

        var report = LoadReport.From("teams", new Uri("http://127.0.0.1:5080/"), Limits, TimeSpan.FromSeconds(2.5), outcomes, shed: 3, mostInFlight: 7, TimeSpan.FromMilliseconds(1.5));

        Assert.Equal((104, 100, 3, 40.0), (report.Sent, report.Answered, report.Shed, report.AnswersPerSecond));
        Assert.Equal(new Dictionary<string, int> { ["503"] = 2, ["200 accepted, no reply"] = 1, ["no response (ConnectionError)"] = 1 }, report.Errors);
        using var json = JsonDocument.Parse(report.ToJson());
        var figures = json.RootElement;
        Assert.Equal((50.0, 95.0, 99.0, 100.0), (figures.GetProperty("response_p50_ms").GetDouble(), figures.GetProperty("response_p95_ms").GetDouble(), figures.GetProperty("response_p99_ms").GetDouble(), figures.GetProperty("response_max_ms").GetDouble()));
        Assert.Equal((500.0, 990.0), (figures.GetProperty("answer_p50_ms").GetDouble(), figures.GetProperty("answer_p99_ms").GetDouble()));
        Assert.Equal(2, figures.GetProperty("errors").GetProperty("503").GetInt32());
        Assert.Contains("p50 50  p95 95  p99 99  max 100", report.ToText());
    }

    [Fact]
    public void A_deferred_answer_counts_as_answered_and_as_deferred()
    {
        var report = LoadReport.From("discord", new Uri("http://127.0.0.1:5080/"), Limits, TimeSpan.FromSeconds(1),
            [new RequestOutcome(200, 2200, 2600) { Deferred = true }, new RequestOutcome(200, 30, 30)], shed: 0, mostInFlight: 2, TimeSpan.Zero);

        Assert.Equal((2, 1), (report.Answered, report.Deferred));
        Assert.Equal([30.0, 2600.0], report.AnswerMs);
    }
}
