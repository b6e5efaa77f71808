using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBrief.LoadGenerator.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ChatBrief.LoadGenerator.StandIns;

/// <summary>
/// The far side of both doors, on 127.0.0.1 (<see cref="StandInAddresses"/>): the Bot Framework's OpenID metadata and
/// JWKS (the generator's Teams key, endorsed for <c>msteams</c>), a token endpoint that hands <c>serve</c> a connector
/// token, a Bot Connector that takes the bot's replies, and the interaction webhooks of Discord's REST API that take the
/// edits of deferred answers. Replies and edits are counted and handed to <see cref="Deliveries"/>.
/// </summary>
internal sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokensIssued;
    private int _otherActivities;
    private int _otherCalls;

    private StandInServer(WebApplication app) => _app = app;

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Activities the bot sent that answer nothing: typing indicators, and messages not in reply to an activity.</summary>
    public int OtherActivities => Volatile.Read(ref _otherActivities);

    /// <summary>Calls to anything else under the stand-ins' Discord and Teams addresses.</summary>
    public int OtherCalls => Volatile.Read(ref _otherCalls);

    public static async Task<StandInServer> StartAsync(StandInAddresses addresses, GeneratorKeys keys, Deliveries deliveries)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, addresses.HttpPort);
            kestrel.Listen(IPAddress.Loopback, addresses.HttpsPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(keys.TlsCertificate);
            });
        });
        var app = builder.Build();
        var server = new StandInServer(app);
        server.Map(app, addresses, keys, deliveries);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app, StandInAddresses addresses, GeneratorKeys keys, Deliveries deliveries)
    {
        var metadata = new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = addresses.JwksUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString();
        var publicKey = keys.TeamsKey.ExportParameters(includePrivateParameters: false);
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = keys.TeamsKeyId,
                ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus),
                ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
                ["endorsements"] = new JsonArray("msteams"),
            }),
        }.ToJsonString();

        app.MapGet(new Uri(addresses.OpenIdMetadataUrl).AbsolutePath, () => Results.Content(metadata, "application/json"));
        app.MapGet(new Uri(addresses.JwksUrl).AbsolutePath, () => Results.Content(jwks, "application/json"));
        app.MapPost(new Uri(addresses.Authority).AbsolutePath + "/oauth2/v2.0/token", () =>
        {
            Interlocked.Increment(ref _tokensIssued);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "loadgen-connector-token" });
        });
        app.MapPost("/teams/v3/conversations/{conversation}/activities/{replyToId}", async (string replyToId, HttpRequest request) =>
        {
            if (await ActivityTypeAsync(request) == "message")
            {
                deliveries.Deliver(TeamsKey(replyToId));
            }
            else
            {
                Interlocked.Increment(ref _otherActivities);
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created);
        });
        app.MapPost("/teams/v3/conversations/{conversation}/activities", () =>
        {
            Interlocked.Increment(ref _otherActivities);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created);
        });
        app.MapMethods("/discord/api/v10/webhooks/{application}/{token}/messages/@original", [HttpMethods.Patch], (string token) =>
        {
            deliveries.Deliver(DiscordKey(token));
            return Results.Json(new { id = "1" });
        });
        app.Map("/{**anything}", () =>
        {
            Interlocked.Increment(ref _otherCalls);
            return Results.Json(new { id = "1" });
        });
    }

    public static string TeamsKey(string activityId) => "teams:" + activityId;

    public static string DiscordKey(string interactionToken) => "discord:" + interactionToken;

    private static async Task<string?> ActivityTypeAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        return body.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }
}
