using System.Globalization;
using System.Net;
using System.Text;
using ChatBrief.Core.Answers;

namespace ChatBrief.Core.Feedback;

/// <summary>
/// The usage report: one self-contained HTML page (inline CSS and SVG, no script, nothing fetched) with questions per
/// day by door, answered against abstained, up- against down-votes, the most cited sources and the largest open gaps.
/// Labels are words, not emoji, so that the page reads the same where no emoji font is installed.
/// </summary>
public static class UsageReport
{
    private const int MostCited = 10;
    private const int GapsShown = 10;
    private static readonly string[] Palette = ["#2f7d6d", "#4a6fa5", "#c07a2c", "#8a5a9e", "#8a8a8a"];

    public static string Write(IReadOnlyList<LoggedQuestion> log, IReadOnlyList<GapGroup> gaps, DateTimeOffset since, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ChatBrief usage report</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em auto;padding:0 1em;max-width:60em;color:#222}figure{margin:2em 0}")
            .Append("figcaption{font-weight:600;margin-bottom:.5em}table{border-collapse:collapse}td,th{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}")
            .Append(".legend span{margin-right:1em}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>ChatBrief usage report</h1>\n<p>{Day(since)} to {Day(now)}: {log.Count} questions.</p>\n");
        QuestionsPerDay(html, log, since, now);
        Split(html, "answered", "Answered and abstained", [("answered", log.Count(q => !q.Abstained)), ("abstained", log.Count(q => q.Abstained))]);
        var votes = log.SelectMany(q => q.Votes).ToList();
        Split(html, "votes", "Votes", [("up-votes", votes.Count(v => v.Vote == Vote.Up)), ("down-votes", votes.Count(v => v.Vote == Vote.Down))]);
        Bars(html, "sources", "Most cited sources", log.SelectMany(q => q.Passages.Select(p => p.Source).Distinct())
            .GroupBy(s => s).Select(g => (g.Key, g.Count())).OrderByDescending(s => s.Item2).ThenBy(s => s.Key, StringComparer.Ordinal).Take(MostCited).ToList());
        Gaps(html, gaps);
        return html.Append("</body></html>\n").ToString();
    }

    private static void QuestionsPerDay(StringBuilder html, IReadOnlyList<LoggedQuestion> log, DateTimeOffset since, DateTimeOffset now)
    {
        var first = since.UtcDateTime.Date;
        var days = Math.Max(1, (int)(now.UtcDateTime.Date - first).TotalDays + 1);
        var doors = log.Select(q => q.Door).Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = log.GroupBy(q => ((int)(q.At.UtcDateTime.Date - first).TotalDays, q.Door)).ToDictionary(g => g.Key, g => g.Count());
        var highest = Math.Max(1, log.GroupBy(q => q.At.UtcDateTime.Date).Select(g => g.Count()).DefaultIfEmpty(0).Max());
        const int width = 720, height = 200;
        var barWidth = (double)width / days;
        html.Append("<figure id=\"per-day\"><figcaption>Questions per day, by door</figcaption>\n")
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + 20}\" role=\"img\" aria-label=\"Questions per day\">");
        for (var day = 0; day < days; day++)
        {
            var top = (double)height;
            for (var d = 0; d < doors.Count; d++)
            {
                var count = counts.GetValueOrDefault((day, doors[d]));
                if (count == 0)
                {
                    continue;
                }

                var barHeight = height * count / (double)highest;
                top -= barHeight;
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{day * barWidth + 1:0.#}\" y=\"{top:0.#}\" width=\"{Math.Max(1, barWidth - 2):0.#}\" height=\"{barHeight:0.#}\" fill=\"{Palette[d % Palette.Length]}\"><title>{Day(first.AddDays(day))} {Encode(doors[d])}: {count}</title></rect>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{height + 15}\" font-size=\"12\">{Day(first)}</text><text x=\"{width}\" y=\"{height + 15}\" font-size=\"12\" text-anchor=\"end\">{Day(now)}</text></svg>\n");
        Legend(html, doors);
        html.Append("</figure>\n");
    }

    /// <summary>One bar split into parts, each labelled with its count.</summary>
    private static void Split(StringBuilder html, string id, string caption, IReadOnlyList<(string Label, int Count)> parts)
    {
        const int width = 720, height = 32;
        var total = parts.Sum(p => p.Count);
        html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{id}\"><figcaption>{Encode(caption)}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Encode(caption)}\">");
        var x = 0.0;
        for (var i = 0; i < parts.Count && total > 0; i++)
        {
            var partWidth = width * parts[i].Count / (double)total;
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"0\" width=\"{partWidth:0.#}\" height=\"{height}\" fill=\"{Palette[i % Palette.Length]}\"><title>{Encode(parts[i].Label)}: {parts[i].Count}</title></rect>");
            x += partWidth;
        }

        html.Append("</svg>\n");
        Legend(html, parts.Select(p => FormattableString.Invariant($"{p.Label} {p.Count}")).ToList());
        html.Append("</figure>\n");
    }

    private static void Bars(StringBuilder html, string id, string caption, IReadOnlyList<(string Label, int Count)> bars)
    {
        const int width = 720, row = 24, labelWidth = 260;
        var highest = Math.Max(1, bars.Select(b => b.Count).DefaultIfEmpty(0).Max());
        html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{id}\"><figcaption>{Encode(caption)}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Math.Max(row, bars.Count * row)}\" role=\"img\" aria-label=\"{Encode(caption)}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var barWidth = (width - labelWidth - 40) * bars[i].Count / (double)highest;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{i * row + 16}\" font-size=\"12\">{Encode(Shorten(bars[i].Label, 40))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{i * row + 4}\" width=\"{barWidth:0.#}\" height=\"{row - 8}\" fill=\"{Palette[0]}\"><title>{Encode(bars[i].Label)}: {bars[i].Count}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 4:0.#}\" y=\"{i * row + 16}\" font-size=\"12\">{bars[i].Count}</text>");
        }

        html.Append("</svg></figure>\n");
    }

    private static void Gaps(StringBuilder html, IReadOnlyList<GapGroup> gaps)
    {
        html.Append("<figure id=\"gaps\"><figcaption>Largest gaps</figcaption>\n");
        var open = gaps.Where(g => !g.Answered).Take(GapsShown).ToList();
        Bars(html, "gap-sizes", "Questions per gap", open.Select(g => (g.Examples[0], g.Asked)).ToList());
        html.Append("<table><tr><th>asked</th><th>questions</th><th>closest passage</th><th>down-vote reasons</th></tr>\n");
        foreach (var gap in open)
        {
            var closest = gap.Closest is { } passage ? AnswerWording.Citation(passage) : "none";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{gap.Asked}</td><td>{string.Join("<br>", gap.Examples.Select(Encode))}</td><td>{Encode(closest)}</td><td>{Encode(gap.ReasonSummary)}</td></tr>\n");
        }

        html.Append("</table>")
            .Append(CultureInfo.InvariantCulture, $"<p>Earlier gaps the sources answer now: {gaps.Count(g => g.Answered)}.</p></figure>\n");
    }

    private static void Legend(StringBuilder html, IReadOnlyList<string> labels)
    {
        html.Append("<div class=\"legend\">");
        for (var i = 0; i < labels.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><i class=\"swatch\" style=\"background:{Palette[i % Palette.Length]}\"></i>{Encode(labels[i])}</span>");
        }

        html.Append("</div>\n");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
