using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatBrief.Hosting;
using ChatBrief.Teams.Connector;
using ChatBrief.Tests.Discord.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Tests.Teams;

/// <summary>
/// The real ChatBrief host on 127.0.0.1 (or on an in-memory test server) with the real core over a temporary copy of
/// the repository's seeds, its Teams door pointed at a <see cref="BotFrameworkStandIn"/>.
/// </summary>
public sealed class TeamsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SeedsWorkspace _workspace;

    private TeamsHost(WebApplication app, SeedsWorkspace workspace, HttpClient http)
    {
        _app = app;
        _workspace = workspace;
        Http = http;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host with the given Teams settings (<c>Key=value</c> under the <c>Teams</c> section) and environment.</summary>
    /// <param name="workspace">The sources and index to serve (the host disposes of it); a copy of the seeds when null.</param>
    /// <param name="inMemory">Serves on ASP.NET Core's TestServer; false listens on a loopback socket, as <c>serve</c> does.</param>
    /// <param name="configure">Lets a test replace services, e.g. the core.</param>
    public static async Task<TeamsHost> StartAsync(
        IEnumerable<string> teamsSettings,
        string environment = "Development",
        SeedsWorkspace? workspace = null,
        bool inMemory = true,
        Action<WebApplicationBuilder>? configure = null)
    {
        workspace ??= await SeedsWorkspace.WithIndexAsync("chatbrief-teams");
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--environment={environment}",
            $"--Sources:Path={workspace.SourcesPath}",
            $"--Index:Path={workspace.IndexPath}",
            $"--Data:Path={Path.Combine(workspace.Root, "data")}",
            .. teamsSettings.Select(s => $"--Teams:{s}"),
        ];
        var app = ChatBriefWebApp.Build(args, builder =>
        {
            SharedEmbedder.UseIn(builder);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddHttpClient(MsalBotTokenProvider.HttpClientName).AddHttpMessageHandler(() => new PlainHttpToStandIn());
            if (inMemory)
            {
                builder.WebHost.UseTestServer();
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var http = inMemory
            ? app.GetTestClient()
            : new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        var host = new TeamsHost(app, workspace, http);
        await host.WaitUntilReadyAsync();
        return host;
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Stops the host as SIGTERM does; <paramref name="giveUp"/> plays the end of the shutdown bound.</summary>
    public Task StopAsync(CancellationToken giveUp) => _app.StopAsync(giveUp);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        _workspace.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + Patience.Bound;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The host's index did not become ready.");
    }
}
