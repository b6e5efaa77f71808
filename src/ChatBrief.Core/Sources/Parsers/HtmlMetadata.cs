using System.Globalization;
using AngleSharp.Dom;
using ChatBrief.Core.Sources.Cleaning;

namespace ChatBrief.Core.Sources.Parsers;

/// <summary>
/// The citation details a web page declares about itself: Open Graph and article meta tags first, as publishers fill
/// them for link previews, then the standard HTML equivalents.
/// </summary>
internal static class HtmlMetadata
{
    public static ExplicitMetadata Read(IDocument page) => new(
        Title: FirstOf(Meta(page, "property", "og:title"), page.Title, page.QuerySelector("h1")?.TextContent),
        Author: FirstOf(Meta(page, "name", "author"), PersonName(Meta(page, "property", "article:author"))),
        Date: DateOf(FirstOf(Meta(page, "property", "article:published_time"), page.QuerySelector("time[datetime]")?.GetAttribute("datetime"))),
        Publisher: FirstOf(Meta(page, "property", "og:site_name")),
        Url: FirstOf(page.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href"), Meta(page, "property", "og:url")));

    private static string? Meta(IDocument page, string attribute, string name) =>
        page.QuerySelectorAll($"meta[{attribute}][content]")
            .FirstOrDefault(meta => string.Equals(meta.GetAttribute(attribute), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");

    private static string? FirstOf(params string?[] values) =>
        values.Select(value => WhitespaceNormalizer.Normalize(value ?? "")).FirstOrDefault(value => value.Length > 0);

    // article:author is often the address of the author's profile page, which is no name to cite.
    private static string? PersonName(string? author) =>
        Uri.TryCreate(author?.Trim(), UriKind.Absolute, out _) ? null : author;

    /// <summary>The day of a timestamp ("2024-03-05T09:30:00+09:00" is 2024-03-05, as the publisher dated it); anything else as written.</summary>
    private static string? DateOf(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;
}
