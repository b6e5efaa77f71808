using ChatBrief.Core.Answers;

namespace ChatBrief.Core.Tests.Answers;

public class AnswerServiceTests
{
    private static TestCorpus Corpus() => new(
        ("a.txt", "First paragraph about the treaty.\n\nThe treaty was signed in 1960.\n\nThird paragraph about Okinawa.\n\nFourth paragraph about trade."),
        ("b.txt", "Kono said the alliance is the cornerstone of peace."));

    [Fact]
    public async Task AskAsync_Answer_CitesSourcePassageAndBuildTime()
    {
        using var corpus = Corpus();

        var answer = await corpus.AskAsync("When was the treaty signed?");

        var first = answer.Results[0];
        Assert.Equal(("a.txt", 2, "The treaty was signed in 1960."), (first.Source, first.Passage, first.Text));
        Assert.Equal(1, first.Rank);
        Assert.NotNull(answer.IndexBuiltAt);
    }

    [Fact]
    public async Task AskAsync_Answer_CarriesTheSentenceSpansAndTheBestSentencesIndexForTheDoorsToRender()
    {
        using var corpus = new TestCorpus(("c.txt", "Talks began in May. The U.S. and Japan signed the treaty in Tokyo. Both sides agreed."));

        var first = (await corpus.AskAsync("Where did the U.S. and Japan sign the treaty?")).Results[0];

        Assert.Equal(["Talks began in May.", "The U.S. and Japan signed the treaty in Tokyo.", "Both sides agreed."], first.Sentences.Select(s => s.Of(first.Text)));
        Assert.Equal(1, first.BestSentenceIndex);
        Assert.Equal(first.BestSentence, first.BestSentenceSpan!.Value.Of(first.Text));
    }

    [Fact]
    public async Task AskAsync_MarkdownWithAWebAddress_LinksToTheSectionOfTheAnswer()
    {
        using var corpus = new TestCorpus(("guide.md", "---\nurl: https://example.org/guide\n---\n# Guide\n\nAn opening paragraph about the guide.\n\n## Renewing a badge\n\nBadges are renewed at the front desk every March."));

        var first = (await corpus.AskAsync("When are badges renewed?")).Results[0];

        Assert.Equal("https://example.org/guide#renewing-a-badge", first.Url);
    }

    [Fact]
    public async Task AskAsync_Skip_ReturnsTheNextResultsWithTheirOverallRank()
    {
        using var corpus = Corpus();
        var all = await corpus.Answers.AskAsync(new AskRequest("treaty paragraph", Top: 3));

        var next = await corpus.Answers.AskAsync(new AskRequest("treaty paragraph", Top: 2, Skip: 1));

        Assert.Equal(all.Results.Skip(1).Select(r => (r.Rank, r.Id)), next.Results.Select(r => (r.Rank, r.Id)));
    }

    [Fact]
    public async Task GetContextAsync_MiddlePassage_ReturnsNeighboursInOrder()
    {
        using var corpus = Corpus();

        var context = await corpus.Answers.GetContextAsync(new PassageReference("a.txt", 2), radius: 1);

        Assert.NotNull(context);
        Assert.Equal([1, 2, 3], context.Paragraphs.Select(p => p.Passage));
        Assert.True(context.Paragraphs[1].IsRequested);
    }

    [Fact]
    public async Task GetContextAsync_UnknownPassage_ReturnsNull()
    {
        using var corpus = Corpus();

        Assert.Null(await corpus.Answers.GetContextAsync(new PassageReference("a.txt", 99), radius: 1));
        Assert.Null(await corpus.Answers.GetContextAsync(new PassageReference("gone.txt", 1), radius: 1));
    }

    [Fact]
    public async Task GetContextAsync_ParagraphInsertedBeforeIt_FindsThePassageWhereItMoved()
    {
        using var corpus = Corpus();
        var shown = (await corpus.AskAsync("When was the treaty signed?")).Results[0].Reference;
        corpus.Write("a.txt", "A new opening paragraph.\n\nFirst paragraph about the treaty.\n\nThe treaty was signed in 1960.\n\nThird paragraph about Okinawa.");
        await corpus.Index.RebuildAsync(full: false);

        var context = await corpus.Answers.GetContextAsync(shown, radius: 1);

        Assert.NotNull(context);
        Assert.Equal(PassageState.Moved, context.State);
        Assert.Equal("The treaty was signed in 1960.", context.Paragraphs.Single(p => p.IsRequested).Text);
        Assert.Equal("This passage has moved to paragraph 3 since the answer was given.", AnswerWording.ContextState(context));
    }

    [Fact]
    public async Task GetContextAsync_ParagraphEdited_ShowsWhatItSaysNowAndSaysSo()
    {
        using var corpus = Corpus();
        var shown = (await corpus.AskAsync("When was the treaty signed?")).Results[0].Reference;
        corpus.Write("a.txt", "First paragraph about the treaty.\n\nThe treaty was signed in January 1960.\n\nThird paragraph about Okinawa.");
        await corpus.Index.RebuildAsync(full: false);

        var context = await corpus.Answers.GetContextAsync(shown, radius: 1);

        Assert.NotNull(context);
        Assert.Equal(PassageState.Edited, context.State);
        Assert.Equal("The treaty was signed in January 1960.", context.Paragraphs.Single(p => p.IsRequested).Text);
    }

    [Fact]
    public async Task GetContextAsync_SameTextAtItsPlace_IsUnchanged()
    {
        using var corpus = Corpus();
        var shown = (await corpus.AskAsync("When was the treaty signed?")).Results[0].Reference;

        var context = await corpus.Answers.GetContextAsync(shown, radius: 1);

        Assert.Equal((PassageState.Unchanged, 2), (context!.State, context.Paragraphs.Single(p => p.IsRequested).Passage));
    }

    [Fact]
    public async Task SuggestAsync_Prefix_CompletesFromNamesInTheSources()
    {
        using var corpus = new TestCorpus(("a.txt", "The Security Consultative Committee met. The Security Consultative Committee agreed."));

        var suggestions = await corpus.Answers.SuggestAsync("Secu", 5);

        Assert.Contains("Security Consultative Committee", suggestions);
    }
}
