namespace ChatBrief.Core.Answers;

/// <summary>Where a citation links: the source's own address (from a sidecar, an HTML page's canonical URL or Markdown front matter).</summary>
public static class SourceLink
{
    /// <summary>
    /// The address of the source, at the page for a paged source (<c>#page=N</c>, which browsers' PDF viewers follow) or
    /// at the section's heading anchor for Markdown, or null when the source has no web address: a link must never point
    /// anywhere but http or https. An address that already names a place in its page keeps it.
    /// </summary>
    public static string? For(string? url, int? page, string? anchor = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        if (address.Fragment.Length > 0)
        {
            return address.AbsoluteUri;
        }

        return (page, anchor) switch
        {
            ({ } onPage, _) => $"{address.AbsoluteUri}#page={onPage}",
            (_, { Length: > 0 } section) => $"{address.AbsoluteUri}#{Uri.EscapeDataString(section)}",
            _ => address.AbsoluteUri,
        };
    }
}
