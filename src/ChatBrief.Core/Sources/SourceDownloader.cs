using System.Net;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Core.Sources;

/// <summary>A file a moderator sent in chat: its name, the platform's download address, and the size the platform declared.</summary>
/// <param name="AllowedHosts">Hosts the platform serves files from (<c>*.example.com</c> matches sub-domains): the address
/// came in a chat message, so anything else is refused rather than fetched.</param>
public sealed record SourceUpload(string FileName, string Url, long? DeclaredSize, IReadOnlyList<string> AllowedHosts);

/// <summary>
/// Fetches a file sent in chat into the <see cref="SourceLibrary"/>: only over HTTPS, only from the platform's own hosts,
/// never following redirects (which could lead anywhere), within a time limit and the library's size limit.
/// </summary>
public sealed partial class SourceDownloader(IHttpClientFactory httpClients, SourceLibrary library, ILogger<SourceDownloader> logger)
{
    public const string HttpClientName = "ChatBrief.SourceUploads";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <returns>True when an existing file was replaced.</returns>
    /// <exception cref="SourceChangeRefusedException">The file, its address or its download was refused; the message says why.</exception>
    public async Task<bool> DownloadAsync(SourceUpload upload, bool replace, CancellationToken cancellationToken)
    {
        library.CheckUpload(upload.FileName, upload.DeclaredSize, replace);
        var url = CheckedUrl(upload);
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogRefusedStatus(url.Host, (int)response.StatusCode);
                throw new SourceChangeRefusedException($"“{upload.FileName}” could not be downloaded (the server answered {(int)response.StatusCode}). Please send it again.");
            }

            library.CheckUpload(upload.FileName, response.Content.Headers.ContentLength, replace);
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await library.SaveAsync(upload.FileName, content, replace, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(url.Host, e.Message);
            throw new SourceChangeRefusedException($"“{upload.FileName}” could not be downloaded ({(e is TaskCanceledException ? "it took too long" : "the connection failed")}). Please send it again.");
        }
    }

    private static Uri CheckedUrl(SourceUpload upload)
    {
        if (!Uri.TryCreate(upload.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || !IsAllowedHost(url.Host, upload.AllowedHosts))
        {
            throw new SourceChangeRefusedException($"“{upload.FileName}” cannot be added: it does not come from the chat platform's own file storage.");
        }

        return url;
    }

    /// <summary>Exact host names, or <c>*.example.com</c> for its sub-domains (not example.com itself).</summary>
    public static bool IsAllowedHost(string host, IEnumerable<string> allowed) => allowed.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
        : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(LogLevel.Warning, "A file sent in chat could not be downloaded from {Host}: status {Status}")]
    private partial void LogRefusedStatus(string host, int status);

    [LoggerMessage(LogLevel.Warning, "A file sent in chat could not be downloaded from {Host}: {Reason}")]
    private partial void LogFailed(string host, string reason);
}
