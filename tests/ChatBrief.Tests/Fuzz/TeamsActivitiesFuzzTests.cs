using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Tests.Discord.Support;
using ChatBrief.Tests.Teams;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace ChatBrief.Tests.Fuzz;

/// <summary>One generated request to the Teams endpoint: its body, content type and Authorization header.</summary>
public sealed record ActivityAttempt(string Kind, bool IsForgery, bool IsActivity, JunkBody Body, string ContentType, string? Authorization)
{
    public override string ToString() => $"{Kind}, {ContentType}, Authorization: {Authorization?[..Math.Min(Authorization.Length, 60)]}…, {Body}";
}

/// <summary>
/// <c>POST /api/messages</c> under generated junk and forged tokens, on an in-memory host over the canned core, its
/// door trusting a <see cref="BotFrameworkStandIn"/>. A well-formed activity with any token the Bot Framework did not
/// issue for this bot and this service URL must get 401 and reach no conversation; nothing may get a 500; afterwards
/// the host is healthy and still answers a real question.
/// </summary>
public sealed class TeamsActivitiesFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AppId = TeamsDoorFixture.AppId;
    private const string ForgedConversationPrefix = "19:forged-";

    private readonly BotFrameworkStandIn _botFramework = new();
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        await _botFramework.StartAsync();
        var core = new FakeCore();
        _host = await TeamsHost.StartAsync(TeamsDoorFixture.SettingsFor(_botFramework), inMemory: true, configure: builder =>
        {
            builder.Services.AddSingleton<IAnswerService>(core);
            builder.Services.AddSingleton<IIndexManager>(core);
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    [Fact]
    public async Task GeneratedRequests_NoForgeryAccepted_NoServerError_HostStillAnswers()
    {
        var tally = new FuzzTally();
        var config = Config.QuickThrowOnFailure.WithMaxTest(FuzzBudget.RequestsPerEndpoint).WithQuietOnSuccess(true);

        // Off xUnit's synchronisation context: FsCheck runs the property synchronously, and each request is awaited inside it.
        await Task.Run(() => Check.One(config, Prop.ForAll(Attempts().ToArbitrary(), (ActivityAttempt attempt) => Send(attempt, tally))));

        output.WriteLine(tally.Summary("POST /api/messages"));
        Assert.Equal(FuzzBudget.RequestsPerEndpoint, tally.Requests);
        Assert.Equal(0, tally.ForgeriesAccepted);
        Assert.Equal(0, tally.ServerErrors);
        Assert.DoesNotContain(_botFramework.Requests, request => request.RawTarget.Contains(Uri.EscapeDataString(ForgedConversationPrefix), StringComparison.Ordinal));
        using var health = await _host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var conversation = TeamsActivities.NewChannelConversationId();
        var question = TeamsActivities.Message(AppId, _botFramework.ServiceUrl, conversation, "What does the treaty cover?");
        using var answered = await _host.PostActivityAsync(question, ValidToken());
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("treaty", CardReader.Text(await _botFramework.WaitForReplyAsync(conversation, question["id"]!.GetValue<string>())));
    }

    private void Send(ActivityAttempt attempt, FuzzTally tally)
    {
        var content = new ByteArrayContent(attempt.Body.Bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", attempt.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (attempt.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", attempt.Authorization);
        }

        using var response = _host.Http.SendAsync(request).GetAwaiter().GetResult();
        tally.Record(attempt.Kind, attempt.IsForgery, response.StatusCode);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {attempt}");
        if (attempt.IsForgery && attempt.IsActivity)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"forgery got {(int)response.StatusCode}: {attempt}");
        }
    }

    private Gen<ActivityAttempt> Attempts() =>
        from attempt in Gen.Frequency((3, ForgedTokenOnAnActivity()), (1, MissingOrGarbledAuthorization()), (1, ForgedTokenOnJunk()), (3, ValidTokenOnJunk()))
        from contentType in Gen.Frequency((3, Gen.Constant("application/json")), (1, Gen.Elements(JunkBodies.ContentTypes)))
        select attempt with { ContentType = contentType };

    /// <summary>A well-formed activity for a conversation of its own, so that any reply to a forgery would show.</summary>
    private Gen<JsonObject> ForgedConversationActivity() =>
        from shape in Gen.Elements("channel", "personal", "submit", "added")
        select Activity(shape, $"{ForgedConversationPrefix}{Guid.NewGuid():N}@thread.tacv2");

    private Gen<ActivityAttempt> ForgedTokenOnAnActivity() =>
        from activity in ForgedConversationActivity()
        from forgery in Gen.Elements(ForgedTokens)
        select new ActivityAttempt("forged token: " + forgery.Name, IsForgery: true, IsActivity: true, Json(activity), "application/json", "Bearer " + forgery.Make(this));

    private Gen<ActivityAttempt> MissingOrGarbledAuthorization() =>
        from activity in ForgedConversationActivity()
        from randomText in Gen.Choose(32, 126).ArrayOf().Select(chars => new string([.. chars.Select(c => (char)c)]))
        from header in Gen.Elements<string?>(null, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer a.b.c", "Bearer ...", "Bearer " + randomText, randomText)
        select new ActivityAttempt("missing or garbled Authorization", IsForgery: true, IsActivity: true, Json(activity), "application/json", header);

    private Gen<ActivityAttempt> ForgedTokenOnJunk() =>
        from body in JunkBodies.Any(ValidActivities())
        from forgery in Gen.Elements(ForgedTokens)
        select new ActivityAttempt("forged token on junk", IsForgery: true, IsActivity: false, body, "application/json", "Bearer " + forgery.Make(this));

    /// <summary>Junk under a real token: refused as malformed or handled, never a crash.</summary>
    private Gen<ActivityAttempt> ValidTokenOnJunk() =>
        from body in JunkBodies.Any(ValidActivities())
        select new ActivityAttempt("valid token on junk", IsForgery: false, IsActivity: false, body, "application/json", "Bearer " + ValidToken());

    private IReadOnlyList<string> ValidActivities() =>
        [.. new[] { "channel", "personal", "submit", "added" }.Select(shape => Activity(shape, TeamsActivities.NewChannelConversationId()).ToJsonString())];

    private JsonObject Activity(string shape, string conversation) => shape switch
    {
        "channel" => TeamsActivities.Message(AppId, _botFramework.ServiceUrl, conversation, "What does the treaty cover?"),
        "personal" => TeamsActivities.PersonalMessage(AppId, _botFramework.ServiceUrl, conversation, "reindex"),
        "submit" => TeamsActivities.CardSubmit(AppId, _botFramework.ServiceUrl, conversation, new JsonObject { ["chatbrief"] = "more", ["question"] = "treaty", ["skip"] = 3 }),
        _ => TeamsActivities.BotAdded(AppId, _botFramework.ServiceUrl, conversation),
    };

    private string ValidToken() => _botFramework.IssueToken(AppId, _botFramework.ServiceUrl);

    private static JunkBody Json(JsonObject activity) => new("activity", Encoding.UTF8.GetBytes(activity.ToJsonString()));

    private sealed record ForgedToken(string Name, Func<TeamsActivitiesFuzzTests, string> Make);

    private static readonly ForgedToken[] ForgedTokens =
    [
        new("alg none", t => t._botFramework.IssueUnsignedToken(AppId, t._botFramework.ServiceUrl)),
        new("HS256 with the public key's PEM", t => t._botFramework.IssueTokenWithPublicKeyAsSecret(AppId, t._botFramework.ServiceUrl, modulusAsSecret: false)),
        new("HS256 with the public key's modulus", t => t._botFramework.IssueTokenWithPublicKeyAsSecret(AppId, t._botFramework.ServiceUrl, modulusAsSecret: true)),
        new("foreign kid", t => t._botFramework.IssueToken(AppId, t._botFramework.ServiceUrl, keyId: BotFrameworkStandIn.UnpublishedKeyId)),
        new("key not endorsed for msteams", t => t._botFramework.IssueToken(AppId, t._botFramework.ServiceUrl, keyId: BotFrameworkStandIn.WebChatKeyId)),
        new("wrong audience", t => t._botFramework.IssueToken(Guid.NewGuid().ToString(), t._botFramework.ServiceUrl)),
        new("wrong issuer", t => t._botFramework.IssueToken(AppId, t._botFramework.ServiceUrl, issuer: "https://sts.windows.net/tenant-1/")),
        new("expired", t => t._botFramework.IssueToken(AppId, t._botFramework.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-10))),
        new("mismatched serviceurl", t => t._botFramework.IssueToken(AppId, "https://smba.trafficmanager.net/emea/")),
        new("claims edited under a real signature", t => WithLaterExpiry(t.ValidToken())),
    ];

    /// <summary>A real token whose payload is rewritten to live a minute longer, keeping the original signature.</summary>
    private static string WithLaterExpiry(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["exp"] = payload["exp"]!.GetValue<long>() + 60;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }
}
