using System.Net;
using System.Text;
using System.Text.Json;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord;
using ChatBrief.Hosting;
using ChatBrief.Tests.Discord.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Moq;
using NSec.Cryptography;

namespace ChatBrief.Tests.Hosting;

/// <summary>
/// The global limit on the HTTP doors, over an in-memory server: one request at a time and no queue, with an answer
/// that the test holds in flight, so that what a second request gets is certain.
/// </summary>
public sealed class DoorLimitsTests : IAsyncLifetime
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly Mock<IAnswerService> _answers = new();
    private readonly Mock<IIndexManager> _index = new();
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Answer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _index.Setup(index => index.GetStatus()).Returns(new IndexStatus(true, 1, 1, DateTimeOffset.UnixEpoch));
        _answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .Callback(() => _asked.TrySetResult())
            .Returns(_answer.Task);
        var publicKey = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        _app = ChatBriefWebApp.Build(
            ["--Discord:ApplicationId=42", $"--Discord:PublicKey={publicKey}", "--Limits:MaxConcurrentRequests=1", "--Limits:QueueLength=0"],
            builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Services.RemoveAll<IHostedService>();
                builder.Services.AddSingleton(_index.Object);
                builder.Services.AddSingleton(_answers.Object);
                // The held answer must keep its request open rather than be deferred to a follow-up.
                builder.Services.AddSingleton(new DiscordTimings { AnswerBudget = TimeSpan.FromHours(1) });
            });
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _answer.TrySetResult(new Answer("q", true, []));
        _http.Dispose();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Door_WhileTheOnlySlotIsTaken_ShedsAtOnceWith503AndRetryAfter_AndHealthStillAnswers()
    {
        var held = PostSignedAsync(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = "who signed?" }]));
        await _asked.Task.WaitAsync(Patience.Bound);

        using var shed = await PostSignedAsync(DiscordPayloads.Ping);
        using var alive = await _http.GetAsync("/healthz");
        using var ready = await _http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, shed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), shed.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        _answer.SetResult(new Answer("who signed?", true, []));
        using var answered = await held;
        using var afterwards = await PostSignedAsync(DiscordPayloads.Ping);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(object payload)
    {
        var body = JsonSerializer.Serialize(payload);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await _http.SendAsync(request);
    }
}
