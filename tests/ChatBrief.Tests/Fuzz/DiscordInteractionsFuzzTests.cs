using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatBrief.Discord;
using ChatBrief.Tests.Discord.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace ChatBrief.Tests.Fuzz;

/// <summary>
/// One generated request to the interactions endpoint: its body, content type, and how its signature headers are made
/// at the moment it is sent (signing at generation time would let a slow run turn fresh signatures stale).
/// </summary>
public sealed record InteractionAttempt(string Kind, bool IsForgery, JunkBody Body, string ContentType, Func<Func<string, byte[], string>, DateTimeOffset, (string? Signature, string? Timestamp)> Headers)
{
    public override string ToString() => $"{Kind}, {ContentType}, {Body}";
}

/// <summary>
/// <c>POST /discord/interactions</c> under generated junk and forgeries, on an in-memory host over the canned core.
/// Every request that is not signed by the application's key over its exact timestamp and body, within the documented
/// five minutes (<see cref="DiscordTimings.MaxSignatureAge"/>), must get 401; nothing may get a 500; the host must
/// still answer a real ping afterwards.
/// </summary>
public sealed class DiscordInteractionsFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] ValidPayloads =
    [
        JsonSerializer.Serialize(DiscordPayloads.Ping),
        JsonSerializer.Serialize(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = "What does the treaty cover?" }])),
        JsonSerializer.Serialize(DiscordPayloads.Command("source", [new { name = "remove", type = 1, options = new[] { new { name = "name", type = 3, value = "a.txt" } } }], permissions: "32")),
        JsonSerializer.Serialize(DiscordPayloads.Button("cb1:page:3", new { id = "m1", embeds = new[] { new { title = "What does the treaty cover?" } } })),
        JsonSerializer.Serialize(DiscordPayloads.Button("cb1:ctx:0:4~0badf00d:a.txt", new { id = "m1" })),
        JsonSerializer.Serialize(DiscordPayloads.Autocomplete("trea")),
    ];

    private DiscordHost _host = null!;

    public async Task InitializeAsync() => _host = await DiscordHost.StartAsync(withGateway: false, inMemory: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GeneratedRequests_NoForgeryAccepted_NoServerError_HostHealthyAfterwards()
    {
        var tally = new FuzzTally();
        var config = Config.QuickThrowOnFailure.WithMaxTest(FuzzBudget.RequestsPerEndpoint).WithQuietOnSuccess(true);

        // Off xUnit's synchronisation context: FsCheck runs the property synchronously, and each request is awaited inside it.
        await Task.Run(() => Check.One(config, Prop.ForAll(Attempts().ToArbitrary(), (InteractionAttempt attempt) => Send(attempt, tally))));

        output.WriteLine(tally.Summary("POST /discord/interactions"));
        Assert.Equal(FuzzBudget.RequestsPerEndpoint, tally.Requests);
        Assert.Equal(0, tally.ForgeriesAccepted);
        Assert.Equal(0, tally.ServerErrors);
        using var health = await _host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var ping = await _host.PostInteractionAsync(DiscordPayloads.Ping);
        Assert.Equal("""{"type":1}""", (await ping.JsonAsync()).GetRawText());
    }

    private void Send(InteractionAttempt attempt, FuzzTally tally)
    {
        var (signature, timestamp) = attempt.Headers(_host.Sign, DateTimeOffset.UtcNow);
        using var response = _host.PostAsync(attempt.Body.Bytes, signature, timestamp, attempt.ContentType).GetAwaiter().GetResult();
        tally.Record(attempt.Kind, attempt.IsForgery, response.StatusCode);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {attempt}");
        if (attempt.IsForgery)
        {
            // An oversized body is refused for its size before its signature is worth checking.
            var refused = attempt.Body.IsOversized
                ? [HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge]
                : new[] { HttpStatusCode.Unauthorized };
            Assert.True(refused.Contains(response.StatusCode), $"forgery got {(int)response.StatusCode}: {attempt}");
        }
    }

    private static Gen<InteractionAttempt> Attempts() =>
        from kind in Gen.Frequency(
            (3, Unsigned()),
            (2, ResignedOverAnotherBody()),
            (2, ReplayedUnderAnotherTimestamp()),
            (2, SignedTooLongAgoOrInTheFuture()),
            (3, SignedJunk()))
        from contentType in Gen.Frequency((3, Gen.Constant("application/json")), (1, Gen.Elements(JunkBodies.ContentTypes)))
        select kind with { ContentType = contentType };

    private static Gen<JunkBody> AnyBody() => JunkBodies.Any(ValidPayloads);

    private static Gen<JunkBody> ValidBody() => Gen.Elements(ValidPayloads).Select(json => new JunkBody("valid payload", Encoding.UTF8.GetBytes(json)));

    /// <summary>No signature, half the headers, random hex of the right length, or headers that are not hex or numbers at all.</summary>
    private static Gen<InteractionAttempt> Unsigned() =>
        from body in Gen.OneOf(AnyBody(), ValidBody())
        from randomHex in Gen.Choose(0, 255).ArrayOf(64).Select(bytes => Convert.ToHexString([.. bytes.Select(b => (byte)b)]))
        from garbage in Gen.Elements("", " ", "zz", "0x00", "-1", "1e9", "\u00e9", new string('f', 129), "1700000000 ", "99999999999999999999")
        from style in Gen.Choose(0, 4)
        select Attempt("unsigned", isForgery: true, body, (_, now) => style switch
        {
            0 => (null, null),
            1 => (randomHex, null),
            2 => (null, Seconds(now)),
            3 => (randomHex, Seconds(now)),
            _ => (garbage, garbage),
        });

    /// <summary>A real signature, freshly made with the right key, over a body other than the one sent.</summary>
    private static Gen<InteractionAttempt> ResignedOverAnotherBody() =>
        from signed in ValidBody()
        from sent in Gen.OneOf(AnyBody(), ValidBody()).Where(sent => !sent.Bytes.AsSpan().SequenceEqual(signed.Bytes))
        select Attempt("re-signed: signature over another body", isForgery: true, sent, (sign, now) => (sign(Seconds(now), signed.Bytes), Seconds(now)));

    /// <summary>A real signature over the body sent, replayed under another timestamp header.</summary>
    private static Gen<InteractionAttempt> ReplayedUnderAnotherTimestamp() =>
        from body in ValidBody()
        from shift in Gen.Choose(-100_000, 100_000).Where(seconds => seconds != 0)
        select Attempt("replayed under another timestamp", isForgery: true, body, (sign, now) => (sign(Seconds(now), body.Bytes), Seconds(now.AddSeconds(shift))));

    /// <summary>A correct signature whose timestamp is further from now than the door accepts, either way.</summary>
    private static Gen<InteractionAttempt> SignedTooLongAgoOrInTheFuture() =>
        from body in ValidBody()
        from minutes in Gen.Choose(6, 60 * 24 * 365 * 10)
        from future in Gen.Elements(false, true)
        select Attempt("stale or future timestamp", isForgery: true, body, (sign, now) =>
        {
            var signedAt = Seconds(now.AddMinutes(future ? minutes : -minutes));
            return (sign(signedAt, body.Bytes), signedAt);
        });

    /// <summary>Junk that really is signed by the application's key: it must be refused politely, or answered, never crash.</summary>
    private static Gen<InteractionAttempt> SignedJunk() =>
        from body in AnyBody()
        select Attempt("signed junk", isForgery: false, body, (sign, now) => (sign(Seconds(now), body.Bytes), Seconds(now)));

    private static InteractionAttempt Attempt(string kind, bool isForgery, JunkBody body, Func<Func<string, byte[], string>, DateTimeOffset, (string?, string?)> headers) =>
        new(kind, isForgery, body, "application/json", headers);

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
