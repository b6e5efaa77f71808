using ChatBrief.Core.Evaluation;

namespace ChatBrief.Core.Tests.Evaluation;

public class RankTallyTests
{
    [Fact]
    public void Add_RanksAndMisses_CountsHitsAndReciprocalRanksOverAllQuestions()
    {
        var tally = new RankTally();

        foreach (var rank in new[] { 1, 2, 0, 11 })
        {
            tally.Add(rank);
        }

        Assert.Equal(0.25, tally.HitAt1(4));
        Assert.Equal(0.5, tally.HitAt3(4));
        Assert.Equal(0.5, tally.HitAt10(4));
        Assert.Equal(0.375, tally.MrrAt10(4));
    }

    [Fact]
    public void Share_NoQuestions_IsZero()
    {
        Assert.Equal(0, RankTally.Share(3, 0));
    }
}
