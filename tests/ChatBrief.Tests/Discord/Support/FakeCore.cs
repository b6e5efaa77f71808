using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;

namespace ChatBrief.Tests.Discord.Support;

/// <summary>A canned core for the end-to-end tests of signatures, REST and the gateway, which exercise the door and not the search.</summary>
internal sealed class FakeCore : IAnswerService, IIndexManager
{
    public static readonly DateTimeOffset BuiltAt = DateTimeOffset.UtcNow.AddHours(-2);

    private static readonly AnswerPassage[] Passages = Marked(
    [
        new(1, "a.txt#4", "a.txt", "Allies in *space*", "A. Writer", 4, "The nations agreed. The defence treaty extends to cyberattacks. <@1> was there.", "The defence treaty extends to cyberattacks.", 9, [new PassageReference("b.txt", 2)]),
        new(2, "b.txt#2", "b.txt", "Second report", null, 2, "Cyberattacks are covered by the treaty.", "Cyberattacks are covered by the treaty.", 7, []),
        new(3, "c.txt#1", "c.txt", "Third note", null, 1, "A third passage about the treaty.", "A third passage about the treaty.", 5, []),
        new(4, "d.txt#7", "d.txt", "Fourth note", null, 7, "A fourth passage about cyber defence.", "A fourth passage about cyber defence.", 3, []),
    ]);

    private static AnswerPassage[] Marked(AnswerPassage[] passages) => [.. passages.Select(SentenceMarking.Mark)];

    private static readonly TimeSpan RebuildTime = TimeSpan.FromMilliseconds(50);

    public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var results = Passages.Skip(request.Skip).Take(request.Top).ToList();
        return Task.FromResult(new Answer(request.Question, false, results) { IndexBuiltAt = BuiltAt });
    }

    public Task<PassageContext?> GetContextAsync(PassageReference passage, int radius, CancellationToken cancellationToken = default) =>
        Task.FromResult<PassageContext?>(null);

    public Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public IndexStatus GetStatus() => new(true, 4, 40, BuiltAt);

    public IReadOnlyList<SourceSummary> ListSources() => [];

    public Task RefreshAliasesAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task<IndexBuildReport> RebuildAsync(bool full, IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(new IndexBuildProgress(1, 4, "a.txt"));
        await Task.Delay(RebuildTime, cancellationToken);
        return new IndexBuildReport(4, 40, 0, 1, 0, 3, [], full, full ? "requested" : null, RebuildTime);
    }
}
