using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatBrief.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Tests.Teams;

/// <summary>
/// The real ChatBrief host on 127.0.0.1 with the real core over a temporary copy of the repository's seeds, its Teams
/// door pointed at a <see cref="BotFrameworkStandIn"/>.
/// </summary>
public sealed class TeamsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _workFolder;

    private TeamsHost(WebApplication app, string workFolder, Uri baseAddress)
    {
        _app = app;
        _workFolder = workFolder;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host with the given Teams settings (<c>Key=value</c> under the <c>Teams</c> section) and environment.</summary>
    public static async Task<TeamsHost> StartAsync(IEnumerable<string> teamsSettings, string environment = "Development")
    {
        var workFolder = Path.Combine(Path.GetTempPath(), "chatbrief-teams-" + Guid.NewGuid().ToString("N"));
        var sources = Path.Combine(workFolder, "seeds");
        Directory.CreateDirectory(sources);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "seeds")))
        {
            File.Copy(file, Path.Combine(sources, Path.GetFileName(file)));
        }

        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--environment={environment}",
            $"--Sources:Path={sources}",
            $"--Index:Path={Path.Combine(workFolder, "index")}",
            .. teamsSettings.Select(s => $"--Teams:{s}"),
        ];
        var app = ChatBriefWebApp.Build(args, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var host = new TeamsHost(app, workFolder, new Uri(address));
        await host.WaitUntilHealthyAsync();
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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The host's index did not become ready.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatBrief.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (ChatBrief.sln) above the test folder.");
    }
}
