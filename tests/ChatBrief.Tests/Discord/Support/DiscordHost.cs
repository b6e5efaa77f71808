using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord;
using ChatBrief.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using ChatBrief.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NSec.Cryptography;
using WireMock.Server;
using WireMock.Settings;

namespace ChatBrief.Tests.Discord.Support;

/// <summary>
/// The real ChatBrief host, started on 127.0.0.1 (or on an in-memory test server) with the Discord door configured
/// against a test Ed25519 key and a WireMock stand-in for Discord's REST API. Tests drive it over HTTP.
/// </summary>
internal sealed class DiscordHost : IAsyncDisposable
{
    public const string ApplicationId = "42";
    public const string BotToken = "test-bot-token";

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "chatbrief-discord-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    private DiscordHost()
    {
        Discord = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{LocalPorts.Free()}"] });
    }

    /// <summary>Discord's REST API, played by WireMock.</summary>
    public WireMockServer Discord { get; }

    public FakeCore Core { get; } = new();

    /// <summary>The host's log, as an operator would read it (see <see cref="LogLines.Lines"/>).</summary>
    public FakeLogCollector Log { get; } = new();

    public HttpClient Http { get; private set; } = new();

    public IServiceProvider Services => _app!.Services;

    public string PublicKeyHex => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The host's own feedback database folder.</summary>
    public string DataPath => _scratch + "-data";

    /// <summary>Starts the host; <paramref name="settings"/> replace or add <c>Discord:*</c> settings (null removes one).</summary>
    /// <param name="withGateway">False keeps the gateway client from running even with a bot token, so REST tests see only their own requests.</param>
    /// <param name="discord">Stubs of Discord's REST API that must be in place before the host starts (the gateway calls it at once).</param>
    /// <param name="seeds">A copy of the repository's seeds with its index: the real core answers from it instead of the canned <see cref="FakeCore"/>.</param>
    /// <param name="inMemory">Serves on ASP.NET Core's TestServer; false listens on a loopback socket, as <c>serve</c> does.</param>
    /// <param name="configure">Lets a test change other settings or services.</param>
    public static async Task<DiscordHost> StartAsync(IDictionary<string, string?>? settings = null, DiscordTimings? timings = null, bool withGateway = true, Action<WireMockServer>? discord = null, SeedsWorkspace? seeds = null, bool inMemory = true, Action<WebApplicationBuilder>? configure = null)
    {
        var host = new DiscordHost();
        discord?.Invoke(host.Discord);
        var all = new Dictionary<string, string?>
        {
            ["ApplicationId"] = ApplicationId,
            ["PublicKey"] = host.PublicKeyHex,
            ["ApiBaseUrl"] = host.Discord.Url + "/api/v10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var args = new List<string> { "--urls", "http://127.0.0.1:0" };
        args.AddRange(all.Where(setting => setting.Value is not null).Select(setting => $"--Discord:{setting.Key}={setting.Value}"));
        // With the canned core, the real core's index warm-up still runs: it is pointed at an empty temporary folder
        // so that it neither reads nor writes anything shared.
        args.Add($"--Sources:Path={seeds?.SourcesPath ?? host._scratch}");
        args.Add($"--Index:Path={seeds?.IndexPath ?? host._scratch + "-index"}");
        args.Add($"--Data:Path={host.DataPath}");

        host._app = ChatBriefWebApp.Build([.. args], builder =>
        {
            SharedEmbedder.UseIn(builder);
            if (seeds is null)
            {
                builder.Services.AddSingleton<IAnswerService>(host.Core);
                builder.Services.AddSingleton<IIndexManager>(host.Core);
            }

            if (inMemory)
            {
                builder.WebHost.UseTestServer();
            }

            builder.Services.AddSingleton(timings ?? Fast);
            builder.Logging.AddProvider(new FakeLoggerProvider(host.Log));
            if (!withGateway)
            {
                builder.Services.Remove(builder.Services.Single(descriptor => descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType == typeof(GatewayClient)));
            }

            configure?.Invoke(builder);
        });
        await host._app.StartAsync();
        if (inMemory)
        {
            host.Http.Dispose();
            host.Http = host._app.GetTestClient();
            host.BaseAddress = host.Http.BaseAddress!;
        }
        else
        {
            var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            host.BaseAddress = new Uri(address);
        }

        return host;
    }

    /// <summary>
    /// Timings that let retries and reconnects play out in milliseconds. The answer and autocomplete budgets are
    /// generous instead, so that a busy machine never turns an inline answer into a deferred one (unit tests cover that).
    /// </summary>
    public static DiscordTimings Fast { get; } = new()
    {
        AnswerBudget = TimeSpan.FromSeconds(10),
        AutocompleteBudget = TimeSpan.FromSeconds(10),
        ProgressEditInterval = TimeSpan.FromMilliseconds(20),
        RestRetryDelay = TimeSpan.FromMilliseconds(20),
        IdentifySpacing = TimeSpan.FromMilliseconds(10),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(30),
        ReconnectDelayBase = TimeSpan.FromMilliseconds(10),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(100),
        HelloTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Posts <paramref name="body"/> to the interactions endpoint, signed as Discord would sign it.</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(object body) => PostSignedAsync(JsonSerializer.Serialize(body), DateTimeOffset.UtcNow);

    public Task<HttpResponseMessage> PostSignedAsync(string body, DateTimeOffset signedAt, Func<string, string>? tamper = null)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString();
        var signature = Sign(timestamp, body);
        return PostAsync(tamper?.Invoke(body) ?? body, signature, timestamp);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? signature, string? timestamp) =>
        PostAsync(Encoding.UTF8.GetBytes(body), signature, timestamp, "application/json; charset=utf-8");

    /// <summary>Posts raw bytes, which need not be UTF-8 or JSON, with any content type.</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string? timestamp, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "/discord/interactions")) { Content = content };
        if (signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        return await Http.SendAsync(request);
    }

    public string Sign(string timestamp, string body) => Sign(timestamp, Encoding.UTF8.GetBytes(body));

    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body])).ToLowerInvariant();

    /// <summary>Stops the host as SIGTERM does.</summary>
    public Task StopAsync() => _app!.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Discord.Stop();
        Discord.Dispose();
        Http.Dispose();
        _key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _scratch + "-index", DataPath }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Interactions as Discord sends them.</summary>
internal static class DiscordPayloads
{
    public static object Ping => new { id = "1", application_id = DiscordHost.ApplicationId, type = 1, token = "tok", version = 1 };

    public static object Command(string name, object[]? options = null, string permissions = "0", string? token = null, string userId = "5") => new
    {
        id = "10",
        application_id = DiscordHost.ApplicationId,
        type = 2,
        token = token ?? "tok-" + name,
        version = 1,
        guild_id = "900",
        channel_id = "700",
        member = new { user = new { id = userId, username = "someone" }, roles = Array.Empty<string>(), permissions },
        data = new { id = "77", name, type = 1, options },
    };

    /// <summary>A message command used on a message holding <paramref name="content"/>, as Discord's documentation shows it.</summary>
    public static object MessageCommand(string name, string content) => new
    {
        id = "13",
        application_id = DiscordHost.ApplicationId,
        type = 2,
        token = "tok-message-command",
        version = 1,
        guild_id = "900",
        channel_id = "700",
        context = 0,
        authorizing_integration_owners = new Dictionary<string, string> { ["0"] = "900" },
        member = new { user = new { id = "5", username = "someone" }, roles = Array.Empty<string>(), permissions = "0" },
        data = new
        {
            id = "78",
            name,
            type = 3,
            target_id = "555",
            resolved = new { messages = new Dictionary<string, object> { ["555"] = new { id = "555", channel_id = "700", author = new { id = "6" }, content, embeds = Array.Empty<object>(), flags = 0, type = 0 } } },
        },
    };

    public static object Button(string customId, object message, string userId = "5") => new
    {
        id = "11",
        application_id = DiscordHost.ApplicationId,
        type = 3,
        token = "tok-button",
        version = 1,
        guild_id = "900",
        channel_id = "700",
        member = new { user = new { id = userId }, roles = Array.Empty<string>(), permissions = "0" },
        message,
        data = new { custom_id = customId, component_type = 2 },
    };

    public static object Autocomplete(string typed) => new
    {
        id = "12",
        application_id = DiscordHost.ApplicationId,
        type = 4,
        token = "tok-auto",
        version = 1,
        user = new { id = "5" },
        data = new { id = "77", name = "ask", type = 1, options = new[] { new { name = "question", type = 3, value = typed, focused = true } } },
    };
}

internal static class HttpResponseExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }.MediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
