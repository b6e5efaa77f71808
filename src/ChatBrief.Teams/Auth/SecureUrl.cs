using System.Net;

namespace ChatBrief.Teams.Auth;

/// <summary>Where credentials and keys may travel: https anywhere, plain http only on this machine (local stand-ins).</summary>
internal static class SecureUrl
{
    public static bool IsAcceptable(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsAcceptable(uri);

    public static bool IsAcceptable(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
