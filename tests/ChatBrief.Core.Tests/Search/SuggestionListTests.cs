using ChatBrief.Core.Search;

namespace ChatBrief.Core.Tests.Search;

public class SuggestionListTests
{
    private static readonly SuggestionList Suggestions = new(
    [
        "Allies in space: the 2+2 meeting",
        "Japanese Defense Minister Takeshi Iwaya",
        "Security Consultative Committee",
        "North Korea-including",
        "Self-Defense Forces",
    ]);

    [Fact]
    public void Complete_PartlyTypedLastWord_KeepsTheQuestionAndCompletesTheWord()
    {
        Assert.Equal(["what did Iwaya"], Suggestions.Complete("what did iwa", 5));
    }

    [Fact]
    public void Complete_TypedStartOfAnEntry_OffersTheWholeEntry()
    {
        Assert.Equal(["Security Consultative Committee", "Self-Defense Forces"], Suggestions.Complete("se", 5));
    }

    [Fact]
    public void Complete_WordsRunTogetherWithADash_AreNotOffered()
    {
        Assert.DoesNotContain(Suggestions.Entries, entry => entry.Contains("Korea-including", StringComparison.Ordinal));
        Assert.Contains("Self-Defense Forces", Suggestions.Entries);
    }

    [Fact]
    public void Complete_NothingTyped_OffersTheFirstEntries()
    {
        Assert.Equal(2, Suggestions.Complete("  ", 2).Count);
    }
}
