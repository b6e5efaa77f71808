using System.Net;

namespace ChatBrief.Tests.Teams;

/// <summary>Which Teams door the host opens for incomplete settings and for anonymous development.</summary>
public sealed class TeamsDoorModeTests
{
    [Fact]
    public async Task Start_NoAppId_DoorNotMappedAndHostServes()
    {
        await using var host = await TeamsHost.StartAsync([]);

        using var response = await host.PostActivityAsync(new() { ["type"] = "message" }, token: null);
        using var health = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Start_AppIdWithoutPassword_DoorNotMapped()
    {
        await using var host = await TeamsHost.StartAsync([$"AppId={TeamsDoorFixture.AppId}", "TenantId=tenant-1"]);

        using var response = await host.PostActivityAsync(new() { ["type"] = "message" }, token: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Start_AnonymousDevelopmentInProduction_DoorNotMapped()
    {
        await using var host = await TeamsHost.StartAsync(["AllowAnonymousDevelopment=true"], environment: "Production");

        using var response = await host.PostActivityAsync(new() { ["type"] = "message" }, token: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_AnonymousDevelopment_RepliesWithoutToken()
    {
        await using var botFramework = new BotFrameworkStandIn();
        await botFramework.StartAsync();
        // On a socket: anonymous development accepts activities from loopback addresses only, which the in-memory server has none of.
        await using var host = await TeamsHost.StartAsync(["AllowAnonymousDevelopment=true"], inMemory: false);
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message("00000000-0000-0000-0000-000000000000", botFramework.ServiceUrl, conversation, "help");

        using var response = await host.PostActivityAsync(activity, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await botFramework.WaitForReplyAsync(conversation, activity["id"]!.GetValue<string>());
        Assert.Null(reply.Authorization);
        Assert.DoesNotContain(botFramework.Requests, r => r.RawTarget.Contains("token", StringComparison.Ordinal));
    }
}
