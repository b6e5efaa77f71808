using System.Security.Claims;
using System.Security.Cryptography;
using ChatBrief.Teams.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace ChatBrief.Teams.Tests;

public sealed class ChannelTokenValidatorTests : IDisposable
{
    private const string KeyId = "key-1";
    private readonly RSA _published = RSA.Create(2048);
    private readonly RSA _forger = RSA.Create(2048);
    private readonly Mock<ISigningKeySource> _keys = new();
    private readonly ChannelTokenValidator _validator;

    public ChannelTokenValidatorTests()
    {
        _keys.Setup(k => k.FindAsync(KeyId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EndorsedKey(new RsaSecurityKey(_published.ExportParameters(false)) { KeyId = KeyId }, new HashSet<string>(["msteams"], StringComparer.OrdinalIgnoreCase)));
        _validator = new ChannelTokenValidator(TestData.Options(), _keys.Object);
    }

    [Fact]
    public async Task ValidateAsync_TokenFromTheChannel_Valid()
    {
        var result = await _validator.ValidateAsync($"Bearer {Token(_published, TestData.ServiceUrl)}", TestData.Message("hi"), CancellationToken.None);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlClaimInOtherCase_Valid()
    {
        var result = await _validator.ValidateAsync($"Bearer {Token(_published, TestData.ServiceUrl.ToUpperInvariant())}", TestData.Message("hi"), CancellationToken.None);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_SignedByAnotherKeyWithThePublishedKid_Invalid()
    {
        var result = await _validator.ValidateAsync($"Bearer {Token(_forger, TestData.ServiceUrl)}", TestData.Message("hi"), CancellationToken.None);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task ValidateAsync_ChannelNotEndorsed_Invalid()
    {
        var activity = TestData.Message("hi") with { ChannelId = "webchat" };

        var result = await _validator.ValidateAsync($"Bearer {Token(_published, TestData.ServiceUrl)}", activity, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Contains("not endorsed", result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinSkew_Valid()
    {
        var token = Token(_published, TestData.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-3));

        var result = await _validator.ValidateAsync($"Bearer {token}", TestData.Message("hi"), CancellationToken.None);

        Assert.True(result.IsValid, result.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task ValidateAsync_NoBearerToken_Invalid(string? header)
    {
        Assert.False((await _validator.ValidateAsync(header, TestData.Message("hi"), CancellationToken.None)).IsValid);
    }

    /// <summary>Three dot-separated parts that are not Base64url JSON: found by the fuzz tests, it used to escape as a 500.</summary>
    [Theory]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer !!.??.**")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.%%%.sig")]
    public async Task ValidateAsync_PartsThatAreNotBase64Json_InvalidWithoutThrowing(string header)
    {
        var result = await _validator.ValidateAsync(header, TestData.Message("hi"), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal("the token is not a JWT", result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_UnsignedToken_Invalid()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ChannelTokenValidator.BotFrameworkIssuer,
            Audience = TestData.Options().Value.AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = TestData.ServiceUrl },
        });

        Assert.False((await _validator.ValidateAsync($"Bearer {unsigned}", TestData.Message("hi"), CancellationToken.None)).IsValid);
    }

    public void Dispose()
    {
        _published.Dispose();
        _forger.Dispose();
    }

    private static string Token(RSA key, string serviceUrl, DateTime? expires = null)
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ChannelTokenValidator.BotFrameworkIssuer,
            Audience = TestData.Options().Value.AppId,
            IssuedAt = until.AddHours(-1),
            NotBefore = until.AddHours(-1),
            Expires = until,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
