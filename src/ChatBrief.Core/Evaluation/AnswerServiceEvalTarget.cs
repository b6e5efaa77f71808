using ChatBrief.Core.Answers;

namespace ChatBrief.Core.Evaluation;

/// <summary>Evaluates ChatBrief's own answers, with the whole ranking even behind an abstention.</summary>
public sealed class AnswerServiceEvalTarget(AnswerService answers) : IEvalTarget
{
    public async Task<EvalAnswer> AnswerAsync(string question, int top, CancellationToken cancellationToken)
    {
        var answer = await answers.AnswerAsync(new AskRequest(question, top), limitClosestMatches: false, cancellationToken);
        var results = answer.Results.Select(r => new EvalResult(r.Rank, r.Id, r.Source, r.Passage, r.Text, r.Score)).ToList();
        return new EvalAnswer(answer.Abstained, results, answer.Results.FirstOrDefault()?.BestSentence) { AbstentionReason = answer.AbstentionReason, Evidence = answer.Evidence };
    }
}
