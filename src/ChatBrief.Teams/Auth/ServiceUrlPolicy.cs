using Microsoft.Extensions.Options;

namespace ChatBrief.Teams.Auth;

/// <summary>
/// A service URL that replies may be posted to. Only <see cref="ServiceUrlPolicy"/> makes one, so the connector cannot
/// be handed a URL straight from an activity; <see cref="MayCarryToken"/> is true only when the URL came with a validated token.
/// </summary>
internal sealed record TrustedServiceUrl
{
    internal TrustedServiceUrl(Uri uri, bool mayCarryToken)
    {
        Uri = uri;
        MayCarryToken = mayCarryToken;
    }

    public Uri Uri { get; }

    public bool MayCarryToken { get; }
}

/// <summary>Decides which service URLs the bot replies to: allowed hosts after authentication; loopback only in anonymous development.</summary>
internal sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    public TrustedServiceUrl? Trust(string? serviceUrl, bool authenticated)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !SecureUrl.IsAcceptable(uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        if (!authenticated)
        {
            return SecureUrl.IsLoopback(uri) ? new TrustedServiceUrl(uri, mayCarryToken: false) : null;
        }

        return options.Value.EffectiveAllowedServiceHosts.Any(pattern => HostMatches(uri.IdnHost, pattern.Trim()))
            ? new TrustedServiceUrl(uri, mayCarryToken: true)
            : null;
    }

    /// <summary><c>*.example.com</c> matches any sub-domain of example.com but not example.com itself; anything else matches exactly.</summary>
    internal static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
}
