using ChatBrief.Teams.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBrief.Teams.Auth;

/// <summary>Why an inbound request was accepted or refused; the reason goes to the log, never to the caller.</summary>
internal sealed record ChannelAuthentication(bool IsValid, string Reason)
{
    public static readonly ChannelAuthentication Valid = new(true, "valid");

    public static ChannelAuthentication Invalid(string reason) => new(false, reason);
}

/// <summary>Checks that a request really comes from the Bot Framework channel for this bot.</summary>
internal interface IChannelTokenValidator
{
    Task<ChannelAuthentication> ValidateAsync(string? authorizationHeader, InboundActivity activity, CancellationToken cancellationToken);
}

/// <summary>
/// Validates the channel's bearer JWT as the Bot Framework's connector authentication prescribes: RS256 signature by a
/// published key, issuer, audience, lifetime with five minutes' skew, then the two checks a standard JWT handler does
/// not know: the <c>serviceurl</c> claim must name the activity's service URL, and the key must be endorsed for the
/// activity's channel.
/// </summary>
internal sealed class ChannelTokenValidator(IOptions<TeamsOptions> options, ISigningKeySource keys) : IChannelTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string BearerPrefix = "Bearer ";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<ChannelAuthentication> ValidateAsync(string? authorizationHeader, InboundActivity activity, CancellationToken cancellationToken)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthentication.Invalid("no bearer token");
        }

        var token = authorizationHeader[BearerPrefix.Length..].Trim();
        if (ReadUnverified(token) is not { } unverified)
        {
            return ChannelAuthentication.Invalid("the token is not a JWT");
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return ChannelAuthentication.Invalid("the token names no signing key");
        }

        var key = await keys.FindAsync(unverified.Kid, cancellationToken);
        if (key is null)
        {
            return ChannelAuthentication.Invalid($"unknown signing key '{unverified.Kid}'");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(key.Key));
        if (!result.IsValid)
        {
            return ChannelAuthentication.Invalid(result.Exception?.GetType().Name ?? "the token is not valid");
        }

        var validated = (JsonWebToken)result.SecurityToken;
        if (!validated.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrl)
            || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthentication.Invalid("the serviceurl claim does not match the activity's serviceUrl");
        }

        return activity.ChannelId is { } channel && key.Endorsements.Contains(channel)
            ? ChannelAuthentication.Valid
            : ChannelAuthentication.Invalid($"the signing key is not endorsed for channel '{activity.ChannelId}'");
    }

    /// <summary>Reads the header only to find the key; nothing in it is trusted until the signature is checked.</summary>
    private JsonWebToken? ReadUnverified(string token)
    {
        if (!_handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is SecurityTokenMalformedException or ArgumentException)
        {
            // CanReadToken checks only the shape; parts that are not Base64url JSON fail here with an ArgumentException.
            return null;
        }
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = BotFrameworkIssuer,
        ValidAudience = options.Value.AppId,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
    };
}
