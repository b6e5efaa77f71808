using System.Net;
using System.Text.Json;
using ChatBrief.Core;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Moderation;
using ChatBrief.Core.Sources;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatBrief.Discord.Tests.Commands;

/// <summary>/source, /alias and /audit over a real sources folder, a mocked index and a stand-in for Discord's CDN.</summary>
public sealed class ModeratorCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"chatbrief-mod-{Guid.NewGuid():N}");
    private readonly Mock<IIndexManager> _index = new();
    private readonly Handlers _handlers = new();
    private readonly List<Uri> _fetched = [];

    public ModeratorCommandTests()
    {
        Directory.CreateDirectory(Sources);
        File.WriteAllText(Path.Combine(Sources, "a.txt"), "Kono said the alliance is strong.");
        _index.Setup(index => index.GetStatus()).Returns(new IndexStatus(true, 1, 4, null));
        _index.Setup(index => index.ListSources()).Returns([new SourceSummary("a.txt", "A", null, 4), new SourceSummary("notes/b.md", "B", null, 2)]);
        _index.Setup(index => index.RebuildAsync(false, It.IsAny<IProgress<IndexBuildProgress>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IndexBuildReport(2, 6, 1, 0, 0, 1, [], false, null, TimeSpan.FromSeconds(1.5)));
    }

    private string Sources => Path.Combine(_root, "sources");

    private AuditLog Audit => new(Options.Create(new IndexOptions { Path = Path.Combine(_root, "index") }), _handlers.Clock, NullLogger<AuditLog>.Instance);

    [Fact]
    public async Task SourceAdd_NonModerator_IsRefusedAndAudited()
    {
        var response = await SourceCommand().HandleAsync(Add("new.txt", "https://cdn.discordapp.com/a/new.txt", Samples.Member(0)), CancellationToken.None);

        Assert.Equal(Replies.ModeratorsOnlyFor("/source"), Assert.IsType<OutgoingMessage>(response.Data).Content);
        Assert.Empty(_fetched);
        Assert.Equal((AuditResult.Refused, "not a moderator"), (Audit.Latest(1)[0].Result, Audit.Latest(1)[0].Detail));
        _index.Verify(index => index.RebuildAsync(It.IsAny<bool>(), It.IsAny<IProgress<IndexBuildProgress>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SourceAdd_Moderator_DefersThenEditsInWhatChanged()
    {
        var response = await _handlers.RespondingPastTheBudgetAsync(SourceCommand().HandleAsync(Add("new.txt", "https://cdn.discordapp.com/a/new.txt", Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None));
        var edit = (await _handlers.WaitForSentAsync(1)).Single();

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response.Type);
        Assert.Equal("Added new.txt.", edit.Embeds[0].Title);
        Assert.Equal("2 documents, 6 passages (4 before): 1 added, 0 updated, 0 removed, 1 unchanged, 0 skipped; took 1.5 s.", edit.Embeds[0].Description);
        Assert.Equal("Served by the CDN.", File.ReadAllText(Path.Combine(Sources, "new.txt")));
        Assert.Equal(AuditResult.Done, Audit.Latest(1)[0].Result);
    }

    [Fact]
    public async Task SourceAdd_TraversalName_IsRefusedAndNothingIsFetched()
    {
        await SourceCommand().HandleAsync(Add("../../x.txt", "https://cdn.discordapp.com/a/x.txt", Samples.Member(ModeratorPolicy.Administrator)), CancellationToken.None);
        var edit = (await _handlers.WaitForSentAsync(1)).Single();

        Assert.Equal("Source not changed", edit.Embeds[0].Title);
        Assert.Contains("plain file name", edit.Embeds[0].Description);
        Assert.Empty(_fetched);
        Assert.False(File.Exists(Path.Combine(_root, "..", "x.txt")));
    }

    [Fact]
    public async Task SourceAdd_UrlOutsideDiscordsCdn_IsRefused()
    {
        await SourceCommand().HandleAsync(Add("new.txt", "https://attacker.example/new.txt", Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None);
        var edit = (await _handlers.WaitForSentAsync(1)).Single();

        Assert.Contains("does not come from the chat platform's own file storage", edit.Embeds[0].Description);
        Assert.Empty(_fetched);
    }

    [Fact]
    public async Task SourceAdd_NameInUse_SaysHowToReplace()
    {
        await SourceCommand().HandleAsync(Add("a.txt", "https://cdn.discordapp.com/a/a.txt", Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None);
        var edit = (await _handlers.WaitForSentAsync(1)).Single();

        Assert.Contains("replace: True", edit.Embeds[0].Description);
        Assert.Equal("Kono said the alliance is strong.", File.ReadAllText(Path.Combine(Sources, "a.txt")));
    }

    [Fact]
    public async Task SourceRemove_Moderator_MovesTheFileAndReindexes()
    {
        await SourceCommand().HandleAsync(Sub("source", "remove", new { name = "a.txt" }, Samples.Member(0, "mods")), CancellationToken.None);
        var edit = (await _handlers.WaitForSentAsync(1)).Single();

        Assert.Equal("Removed a.txt (moved to removed/a.txt).", edit.Embeds[0].Title);
        Assert.True(File.Exists(Path.Combine(_root, "removed", "a.txt")));
    }

    [Fact]
    public async Task SourceRemove_Autocomplete_SuggestsMatchingSourceNames()
    {
        var typing = Sub("source", "remove", new { name = "b" }, Samples.Member(ModeratorPolicy.ManageGuild)) with { Type = InteractionType.ApplicationCommandAutocomplete };
        typing = typing with { Data = typing.Data! with { Options = [typing.Data.Options![0] with { Options = [typing.Data.Options[0].Options![0] with { Focused = true }] }] } };

        var response = await SourceCommand().AutocompleteAsync(typing, CancellationToken.None);

        Assert.Equal("""{"type":8,"data":{"choices":[{"name":"notes/b.md","value":"notes/b.md"}]}}""", JsonSerializer.Serialize(response, DiscordJson.Options));
    }

    [Fact]
    public async Task AliasAdd_NonModerator_IsRefusedAndTheFileIsUntouched()
    {
        var response = await AliasCommand().HandleAsync(Sub("alias", "add", new { spellings = "SDF = Self-Defense Forces" }, Samples.Member(0)), CancellationToken.None);

        Assert.Equal(Replies.ModeratorsOnlyFor("/alias add"), Assert.IsType<OutgoingMessage>(response.Data).Content);
        Assert.False(File.Exists(Path.Combine(Sources, AliasLearner.AliasesFileName)));
    }

    [Fact]
    public async Task AliasAdd_Moderator_WritesTheFileAndRefreshesTheIndex()
    {
        var response = await AliasCommand().HandleAsync(Sub("alias", "add", new { spellings = "SDF = Self-Defense Forces" }, Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None);

        Assert.Equal("Added the alias SDF = Self-Defense Forces. It applies from the next question.", Assert.IsType<OutgoingMessage>(response.Data).Content);
        Assert.Equal(["SDF = Self-Defense Forces"], File.ReadAllLines(Path.Combine(Sources, AliasLearner.AliasesFileName)));
        _index.Verify(index => index.RefreshAliasesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Audit_Moderator_SeesTheLatestActions()
    {
        await AliasCommand().HandleAsync(Sub("alias", "add", new { spellings = "A = B" }, Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None);

        var response = await new AuditCommand(_handlers.Policy, Audit).HandleAsync(Samples.Command("audit", member: Samples.Member(ModeratorPolicy.ManageGuild)), CancellationToken.None);
        var refused = await new AuditCommand(_handlers.Policy, Audit).HandleAsync(Samples.Command("audit", member: Samples.Member(0)), CancellationToken.None);

        var embed = Assert.IsType<OutgoingMessage>(response.Data).Embeds[0];
        Assert.Equal("Latest 1 moderator actions", embed.Title);
        Assert.Contains("someone (discord 5): alias add A = B: done.", embed.Description);
        Assert.Equal(Replies.ModeratorsOnlyFor("/audit"), Assert.IsType<OutgoingMessage>(refused.Data).Content);
    }

    private SourceCommand SourceCommand()
    {
        var library = new SourceLibrary(Mock.Of<ISourceReader>(), Options.Create(new SourcesOptions { Path = Sources }), _handlers.Clock);
        var downloader = new SourceDownloader(new CdnStandIn(_fetched), library, NullLogger<SourceDownloader>.Instance);
        var moderation = new SourceModeration(library, downloader, _index.Object, Audit, NullLogger<SourceModeration>.Instance);
        return new SourceCommand(_handlers.Policy, moderation, _index.Object, Audit, new SourceChangeJob(_handlers.Rest.Object, NullLogger<SourceChangeJob>.Instance), _handlers.Background, NullLogger<SourceCommand>.Instance);
    }

    private AliasCommand AliasCommand() => new(
        _handlers.Policy,
        new AliasModeration(new AliasFile(Options.Create(new SourcesOptions { Path = Sources })), _index.Object, Audit),
        Audit,
        NullLogger<AliasCommand>.Instance);

    private static Interaction Add(string fileName, string url, GuildMember member)
    {
        var interaction = Sub("source", "add", new { file = "att1" }, member);
        var attachments = new Dictionary<string, Attachment> { ["att1"] = new("att1", fileName, 18, url, "text/plain") };
        return interaction with { Data = interaction.Data! with { Resolved = new ResolvedData(attachments) } };
    }

    private static Interaction Sub(string command, string subCommand, object options, GuildMember member)
    {
        var inner = JsonSerializer.SerializeToElement(options).EnumerateObject()
            .Select(property => new CommandOption(property.Name, 3, property.Value.Clone()))
            .ToList();
        return Samples.Command(command, member: member) with
        {
            Data = new InteractionData(command, [new CommandOption(subCommand, (int)ApplicationCommandOptionType.SubCommand, Options: inner)]),
        };
    }

    private sealed class CdnStandIn(List<Uri> fetched) : HttpMessageHandler, IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            fetched.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Served by the CDN.") });
        }
    }

    public void Dispose()
    {
        _handlers.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
