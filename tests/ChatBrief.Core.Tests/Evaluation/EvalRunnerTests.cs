using ChatBrief.Core.Evaluation;
using Moq;

namespace ChatBrief.Core.Tests.Evaluation;

public class EvalRunnerTests
{
    private static EvalResult Result(int rank, string id, string text) => new(rank, id, "s.txt", rank, text, 1.0 / rank);

    [Fact]
    public void IsHit_AnswerWithCurlyQuotesAndDashes_MatchesPlainText()
    {
        var question = new EvalQuestion("q", "?", ["Japan's \"rules\" - order"], null, null, null);

        Assert.True(EvalRunner.IsHit(question, Result(1, "p", "says JAPAN’S “rules”  – order today")));
    }

    [Fact]
    public void IsHit_GoldPassageIds_UseIdsNotText()
    {
        var question = new EvalQuestion("q", "?", ["treaty"], ["p2"], null, null);

        Assert.False(EvalRunner.IsHit(question, Result(1, "p1", "the treaty")));
        Assert.True(EvalRunner.IsHit(question, Result(1, "p2", "nothing")));
    }

    [Fact]
    public async Task RunAsync_MixedQuestions_ComputesDesignMetrics()
    {
        var target = new Mock<IEvalTarget>();
        target.Setup(t => t.AnswerAsync("first", It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EvalAnswer(false, [Result(1, "a", "the answer is here")], "the answer is here"));
        target.Setup(t => t.AnswerAsync("second", It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EvalAnswer(true, [Result(1, "a", "the answer"), Result(2, "b", "noise")], null) { AbstentionReason = "not close enough" });
        target.Setup(t => t.AnswerAsync("absent", It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EvalAnswer(true, [], null));
        EvalQuestion[] questions =
        [
            new("1", "first", ["answer"], null, null, null),
            new("2", "second", ["answer"], null, null, null),
            new("3", "absent", [], null, "strict", null),
        ];

        var (metrics, lines) = await EvalRunner.RunAsync(questions, target.Object, 10, CancellationToken.None);

        Assert.Equal(3, metrics.Questions);
        Assert.Equal((1.0, 1.0, 1.0), (metrics.HitAt1, metrics.HitAt3, metrics.MrrAt10));
        Assert.Equal(0.5, metrics.AnsweredHitAt1);
        Assert.Equal((1.0, 0.5), (metrics.AbstainStrict, metrics.FalseAbstain));
        Assert.Equal(1.0, metrics.BestSentenceAt1);
        Assert.Equal(["1", "2", "3"], lines.Select(l => l.Id));
        Assert.Equal([null, "not close enough", null], lines.Select(l => l.AbstentionReason));
    }

    [Fact]
    public void ReadQuestions_MalformedLine_SaysWhichLine()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["{\"id\":\"a\",\"question\":\"ok?\"}", "{broken"]);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => EvalRunner.ReadQuestions(file));

            Assert.Equal($"{file}, line 2: not valid JSON (at character 2); a question is one JSON object a line, as in docs/CONTRACTS.md.", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
