using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBrief.Tests.Discord.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBrief.Tests.Teams;

/// <summary>One request the stand-in received, as sent: the raw path, the Authorization header and the JSON or form body.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}

/// <summary>
/// The Bot Framework's side on 127.0.0.1: OpenID metadata and a JWKS with endorsements for a test RSA key, a token
/// endpoint, and a Bot Connector that records every activity it receives. Also issues channel tokens like the Bot Framework's.
/// </summary>
public sealed class BotFrameworkStandIn : IAsyncDisposable
{
    public const string TeamsKeyId = "teams-key";
    public const string WebChatKeyId = "webchat-key";
    public const string UnpublishedKeyId = "unpublished-key";
    public const string BotToken = "bot-connector-token-1";

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _failuresToServe = new();
    private readonly ConcurrentDictionary<string, HeldReply> _held = new();
    private readonly Dictionary<string, RSA> _keys = new()
    {
        [TeamsKeyId] = RSA.Create(2048),
        [WebChatKeyId] = RSA.Create(2048),
        [UnpublishedKeyId] = RSA.Create(2048),
    };

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => $"{BaseUrl}/v1/.well-known/openidconfiguration";

    /// <summary>
    /// The authority the bot asks for tokens, in https as MSAL requires; <see cref="PlainHttpToStandIn"/> carries the
    /// requests to this stand-in's plain http.
    /// </summary>
    public string Authority => $"https://{new Uri(BaseUrl).Authority}/tenant";

    /// <summary>A service URL with a path, as Teams' regional ones have.</summary>
    public string ServiceUrl => $"{BaseUrl}/amer/";

    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = "https://api.botframework.com",
            authorization_endpoint = "https://invalid.botframework.com",
            jwks_uri = $"{BaseUrl}/v1/.well-known/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));
        _app.MapGet("/v1/.well-known/keys", () => Results.Content(Jwks(), "application/json"));
        _app.MapPost("/tenant/oauth2/v2.0/token", async (HttpContext http) =>
        {
            await RecordAsync(http);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = BotToken });
        });
        _app.MapPost("/amer/v3/conversations/{**rest}", async (HttpContext http) =>
        {
            var request = await RecordAsync(http);
            var conversation = ConversationOf(request.RawTarget);
            if (_failuresToServe.TryGetValue(conversation, out var left) && left > 0 && _failuresToServe.TryUpdate(conversation, left - 1, left))
            {
                http.Response.Headers.RetryAfter = "0";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            if (_held.TryRemove(conversation, out var held) && !await held.HoldAsync(http.RequestAborted))
            {
                return Results.Empty;
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created);
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    /// <summary>The connector answers the next <paramref name="count"/> posts to this conversation with 429.</summary>
    public void ThrottleConversation(string conversationId, int count) => _failuresToServe[conversationId] = count;

    /// <summary>The connector keeps the next post to this conversation waiting until the test releases it.</summary>
    public HeldReply HoldNextReply(string conversationId) => _held[conversationId] = new HeldReply();

    /// <summary>The activities posted to a conversation, in order (the raw target holds the conversation id escaped).</summary>
    public IReadOnlyList<RecordedRequest> ActivitiesFor(string conversationId) =>
        _requests.Where(r => r.RawTarget.StartsWith(ConversationPath(conversationId), StringComparison.Ordinal)).ToList();

    public async Task<RecordedRequest> WaitForActivityAsync(string conversationId, Func<RecordedRequest, bool> match)
    {
        var deadline = DateTime.UtcNow + Patience.Bound;
        while (DateTime.UtcNow < deadline)
        {
            if (ActivitiesFor(conversationId).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No matching activity reached conversation {conversationId}; got: {string.Join(", ", ActivitiesFor(conversationId).Select(r => r.RawTarget))}");
    }

    public Task<RecordedRequest> WaitForReplyAsync(string conversationId, string activityId) =>
        WaitForActivityAsync(conversationId, r => r.RawTarget.EndsWith("/activities/" + Uri.EscapeDataString(activityId), StringComparison.Ordinal));

    public static string ConversationPath(string conversationId) => $"/amer/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    /// <summary>A channel token as the Bot Framework issues it, with each part overridable to make a bad one.</summary>
    public string IssueToken(
        string audience,
        string serviceUrl,
        string keyId = TeamsKeyId,
        string issuer = "https://api.botframework.com",
        TimeSpan? expiresIn = null)
    {
        var token = Descriptor(audience, serviceUrl, issuer, expiresIn);
        token.SigningCredentials = new SigningCredentials(new RsaSecurityKey(_keys[keyId]) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(token);
    }

    /// <summary>A forgery with the right claims and no signature at all (<c>alg: none</c>), naming the Teams key.</summary>
    public string IssueUnsignedToken(string audience, string serviceUrl)
    {
        var claims = IssueToken(audience, serviceUrl).Split('.')[1];
        return $"{Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{TeamsKeyId}}"}""")}.{claims}.";
    }

    /// <summary>
    /// A forgery with the right claims signed with HS256, using what anyone can download as the secret: the Teams key's
    /// public PEM or its JWKS modulus (the classic confusion of a verifier that lets the token choose its algorithm).
    /// </summary>
    public string IssueTokenWithPublicKeyAsSecret(string audience, string serviceUrl, bool modulusAsSecret)
    {
        var publicKey = _keys[TeamsKeyId];
        var secret = modulusAsSecret
            ? publicKey.ExportParameters(includePrivateParameters: false).Modulus!
            : System.Text.Encoding.UTF8.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem());
        var token = Descriptor(audience, serviceUrl);
        token.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = TeamsKeyId }, SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler().CreateToken(token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private static SecurityTokenDescriptor Descriptor(string audience, string serviceUrl, string issuer = "https://api.botframework.com", TimeSpan? expiresIn = null)
    {
        var expires = DateTime.UtcNow + (expiresIn ?? TimeSpan.FromMinutes(30));
        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires - TimeSpan.FromHours(1),
            NotBefore = expires - TimeSpan.FromHours(1),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
        };
    }

    private string Jwks() => new JsonObject
    {
        ["keys"] = new JsonArray(Jwk(TeamsKeyId, "msteams", "skype"), Jwk(WebChatKeyId, "webchat")),
    }.ToJsonString();

    private JsonObject Jwk(string keyId, params string[] endorsements)
    {
        var parameters = _keys[keyId].ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
        };
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var request = new RecordedRequest(
            http.Request.Method,
            http.Features.Get<IHttpRequestFeature>()!.RawTarget,
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            await reader.ReadToEndAsync());
        _requests.Enqueue(request);
        return request;
    }

    private static string ConversationOf(string rawTarget) =>
        Uri.UnescapeDataString(rawTarget["/amer/v3/conversations/".Length..].Split('/')[0]);
}

/// <summary>A post the connector keeps waiting: it tells when the bot sent it, and whether the bot waited for the answer or gave up.</summary>
public sealed class HeldReply
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the bot's post has arrived and is being held.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>True when the post was answered after <see cref="Release"/>; false when the bot cancelled it first.</summary>
    public Task<bool> Answered => _answered.Task;

    public void Release() => _released.TrySetResult();

    internal async Task<bool> HoldAsync(CancellationToken aborted)
    {
        _arrived.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(aborted);
            _answered.TrySetResult(true);
            return true;
        }
        catch (OperationCanceledException)
        {
            _answered.TrySetResult(false);
            return false;
        }
    }
}
