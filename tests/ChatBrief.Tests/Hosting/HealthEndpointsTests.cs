using System.Net;
using System.Text.Json;
using ChatBrief.Core.Indexing;
using ChatBrief.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Moq;

namespace ChatBrief.Tests.Hosting;

/// <summary>The real host's health endpoints, over an in-memory server and an index whose state the test sets.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly Mock<IIndexManager> _index = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = ChatBriefWebApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Services.RemoveAll<IHostedService>();
            builder.Services.AddSingleton(_index.Object);
        });
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    public static TheoryData<IndexStatus, HttpStatusCode, string> States => new()
    {
        { new IndexStatus(false, 0, 0, null), HttpStatusCode.ServiceUnavailable, "starting" },
        { new IndexStatus(false, 0, 0, null) { BuildProgress = new IndexBuildProgress(1, 3, "b.txt") }, HttpStatusCode.ServiceUnavailable, "rebuilding" },
        { new IndexStatus(true, 3, 32, DateTimeOffset.UnixEpoch), HttpStatusCode.OK, "ready" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public async Task Readyz_SaysWhetherTheIndexCanAnswer(IndexStatus status, HttpStatusCode expected, string described)
    {
        _index.Setup(index => index.GetStatus()).Returns(status);

        using var ready = await _http.GetAsync("/readyz");
        using var alive = await _http.GetAsync("/healthz");

        Assert.Equal(expected, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal(described, body.RootElement.GetProperty("status").GetString());
        Assert.Equal(status.Passages, body.RootElement.GetProperty("passages").GetInt32());
    }

    [Fact]
    public async Task Readyz_ReadyWhileAReindexRuns_SaysSo()
    {
        _index.Setup(index => index.GetStatus()).Returns(new IndexStatus(true, 3, 32, null) { BuildProgress = new IndexBuildProgress(0, 3, null) });

        using var ready = await _http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("reindexing").GetBoolean());
    }
}
