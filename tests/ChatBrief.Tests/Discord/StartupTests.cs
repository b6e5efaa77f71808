using System.Net;
using System.Text.Json;
using ChatBrief.Cli;
using ChatBrief.Tests.Discord.Support;

namespace ChatBrief.Tests.Discord;

/// <summary>A Discord door with incomplete settings stays off, says which setting is missing, and the host keeps running.</summary>
public class StartupTests
{
    [Fact]
    public async Task Serve_WithoutPublicKey_LeavesTheEndpointOffNamesTheSettingAndKeepsServing()
    {
        await using var host = await DiscordHost.StartAsync(new Dictionary<string, string?> { ["PublicKey"] = null });

        using var interaction = await host.PostInteractionAsync(DiscordPayloads.Ping);
        using var health = await host.Http.GetAsync(new Uri(host.BaseAddress, "/healthz"));

        Assert.Equal(HttpStatusCode.NotFound, interaction.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Single(host.Log.Lines(), line => line == "Warning: Discord door not started: Discord:PublicKey is missing");
        Assert.DoesNotContain(host.Log.Lines(), line => line.Contains("gateway not started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_WithMalformedPublicKey_SaysWhatIsWrongWithIt()
    {
        await using var host = await DiscordHost.StartAsync(new Dictionary<string, string?> { ["PublicKey"] = "abc" });

        Assert.Contains("Warning: Discord door not started: Discord:PublicKey is not 64 hexadecimal characters", host.Log.Lines());
    }

    [Fact]
    public async Task Serve_WithoutBotToken_RunsTheEndpointButNotTheGateway()
    {
        await using var host = await DiscordHost.StartAsync();

        using var interaction = await host.PostInteractionAsync(DiscordPayloads.Ping);

        Assert.Equal(HttpStatusCode.OK, interaction.StatusCode);
        await Eventually.HappensAsync(() => host.Log.Lines().Any(line => line.StartsWith("Warning: Discord gateway not started (slash commands still work; @mentions are not answered): Discord:BotToken is missing", StringComparison.Ordinal)));
        Assert.Empty(host.Discord.LogEntries);
    }

    [Fact]
    public async Task DiscordRegister_WithoutSettings_ExitsNonZeroWithOneLineReason()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["discord", "register", "--guild", "123"], output, error);

        Assert.Equal(1, exitCode);
        Assert.Equal("chatbrief: discord register: Discord:ApplicationId is missing", error.ToString().Trim());
        Assert.Empty(output.ToString());
    }
}
