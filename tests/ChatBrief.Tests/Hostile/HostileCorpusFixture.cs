using System.Net;
using ChatBrief.Tests.Discord.Support;
using ChatBrief.Tests.Teams;
using Microsoft.AspNetCore.Builder;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChatBrief.Tests.Hostile;

/// <summary>
/// The <see cref="HostileCorpus"/> indexed once by the real executable, and served by the real core through both
/// doors, each host on its own copy of the index and on an in-memory server.
/// </summary>
public sealed class HostileCorpusFixture : IAsyncLifetime
{
    // Lexical search only: the 1 MB paragraph makes about 700 passages, and embedding them takes minutes on a busy
    // 2-core machine. These tests are about how the doors show what the core finds, not about ranking.
    private static readonly Dictionary<string, string> LexicalOnly = new() { ["Search__Semantic"] = "false" };


    private SeedsWorkspace _corpus = null!;
    private SeedsWorkspace _discordCopy = null!;

    internal DiscordHost Discord { get; private set; } = null!;

    public TeamsHost Teams { get; private set; } = null!;

    public BotFrameworkStandIn BotFramework { get; } = new();

    public async Task InitializeAsync()
    {
        _corpus = await SeedsWorkspace.IndexedAsync("chatbrief-hostile", HostileCorpus.Sources(), LexicalOnly);
        _discordCopy = _corpus.CopyWithIndex("chatbrief-hostile-discord");
        Discord = await DiscordHost.StartAsync(seeds: _discordCopy, withGateway: false, inMemory: true, configure: SearchLexically, discord: server =>
            server.Given(Request.Create().WithPath("/api/v10/webhooks/*").UsingPatch()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}")));
        await Eventually.HappensAsync(() => Discord.Http.GetAsync("/readyz").Result.StatusCode == HttpStatusCode.OK);

        await BotFramework.StartAsync();
        Teams = await TeamsHost.StartAsync(TeamsDoorFixture.SettingsFor(BotFramework), workspace: _corpus.CopyWithIndex("chatbrief-hostile-teams"), inMemory: true, configure: SearchLexically);
    }

    private static void SearchLexically(WebApplicationBuilder builder) => builder.Configuration["Search:Semantic"] = "false";

    public async Task DisposeAsync()
    {
        await Teams.DisposeAsync();
        await BotFramework.DisposeAsync();
        await Discord.DisposeAsync();
        _discordCopy.Dispose();
        _corpus.Dispose();
    }
}
