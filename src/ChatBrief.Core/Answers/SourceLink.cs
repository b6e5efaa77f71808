namespace ChatBrief.Core.Answers;

/// <summary>Where a citation links: the source's own address (from a sidecar, an HTML page's canonical URL or Markdown front matter).</summary>
public static class SourceLink
{
    /// <summary>
    /// The address of the source, at the page for a paged source (<c>#page=N</c>, which browsers' PDF viewers follow), or
    /// null when the source has no web address: a link must never point anywhere but http or https.
    /// </summary>
    public static string? For(string? url, int? page)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        return page is { } onPage && address.Fragment.Length == 0 ? $"{address.AbsoluteUri}#page={onPage}" : address.AbsoluteUri;
    }
}
