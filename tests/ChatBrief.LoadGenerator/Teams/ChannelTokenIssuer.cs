using System.Security.Claims;
using ChatBrief.LoadGenerator.Setup;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBrief.LoadGenerator.Teams;

/// <summary>Channel tokens shaped like the Bot Framework's (issuer, audience, <c>serviceurl</c> claim, RS256), signed with the generator's Teams key.</summary>
internal static class ChannelTokenIssuer
{
    /// <summary>
    /// One token for a whole run, as the Bot Framework reuses its tokens: every activity of a run names the same service
    /// URL, and signing one per request would spend the generator's CPU, not the server's.
    /// </summary>
    public static string Issue(GeneratorKeys keys, string serviceUrl, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = ServeSettings.TeamsAppId,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(keys.TeamsKey) { KeyId = keys.TeamsKeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
