using System.Net;
using ChatBrief.Core;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Moderation;
using ChatBrief.Core.Sources;
using ChatBrief.Teams.Conversation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatBrief.Teams.Tests;

/// <summary>A temporary sources and index folder with the core's moderation over them, and a stand-in for SharePoint.</summary>
internal sealed class ModeratorWorkspace : HttpMessageHandler, IHttpClientFactory
{
    public ModeratorWorkspace(IIndexManager index, TimeProvider clock)
    {
        Directory.CreateDirectory(SourcesPath);
        var sources = Options.Create(new SourcesOptions { Path = SourcesPath });
        Audit = new AuditLog(Options.Create(new IndexOptions { Path = Path.Combine(Root, "index") }), clock, NullLogger<AuditLog>.Instance);
        var library = new SourceLibrary(Mock.Of<ISourceReader>(), sources, clock);
        Responder = new ModeratorResponder(
            new ModeratorPolicy(TestData.Options()),
            new SourceModeration(library, new SourceDownloader(this, library, NullLogger<SourceDownloader>.Instance), index, Audit, NullLogger<SourceModeration>.Instance),
            new AliasModeration(new AliasFile(sources), index, Audit),
            Audit,
            QuestionLog.Object,
            new GapFinder(Answers.Object, embedder: null),
            clock,
            TestData.Options(),
            NullLogger<ModeratorResponder>.Instance);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"chatbrief-teams-mod-{Guid.NewGuid():N}");

    public string SourcesPath => Path.Combine(Root, "sources");

    public AuditLog Audit { get; }

    /// <summary>The question log the gap report reads.</summary>
    public Mock<IFeedbackStore> QuestionLog { get; } = new();

    /// <summary>What the gap report asks again, to find each group's closest passage.</summary>
    public Mock<IAnswerService> Answers { get; } = new();

    public ModeratorResponder Responder { get; }

    public List<Uri> Fetched { get; } = [];

    /// <summary>For tests that never reach a moderator command.</summary>
    public static ModeratorResponder Unused(IIndexManager index, TimeProvider clock) => new ModeratorWorkspace(index, clock).Responder;

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Fetched.Add(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Kono said the alliance is strong.") });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        base.Dispose(disposing);
    }
}
