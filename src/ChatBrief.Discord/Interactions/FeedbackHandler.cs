using ChatBrief.Core.Feedback;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// 👍/👎 on an answer, and the form that asks why after 👎. Every reply is private and the shared answer is never
/// edited; a second press replaces the person's earlier vote.
/// </summary>
internal sealed class FeedbackHandler(FeedbackLog feedback)
{
    public const string ReasonField = "reason";
    public const string CommentField = "comment";
    public const int MaxCommentLength = 1000;

    public const string ThanksUp = "Thanks: your 👍 is recorded. You can change it with 👎 at any time.";
    public const string ThanksDown = "Thanks: your 👎 and its reason are recorded, so that moderators can see where the sources fall short.";
    public const string NotRecording = "Sorry, feedback is not being recorded at the moment; the answer itself is unaffected.";

    public InteractionResponse Rate(Interaction interaction, ButtonAction.Rate rate)
    {
        if (!feedback.IsOn)
        {
            return Private(NotRecording);
        }

        feedback.RecordVote(AnswerComposer.Door, rate.AnswerId, PersonId(interaction), rate.Vote, QuestionTitle.ReadFrom(interaction.Message));
        return rate.Vote == Vote.Up ? Private(ThanksUp) : InteractionResponse.Form(ReasonForm(rate.AnswerId));
    }

    /// <summary>The submitted form: the 👎 was recorded when pressed, so a form closed unsent still counts the vote.</summary>
    public InteractionResponse Explain(Interaction interaction, ButtonAction.ExplainDownVote explain)
    {
        var reason = DownReasons.FromCode(interaction.Data?.SubmittedValue(ReasonField));
        var comment = interaction.Data?.SubmittedValue(CommentField)?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, MaxCommentLength)] : null;
        feedback.RecordReason(explain.AnswerId, PersonId(interaction), reason, comment);
        return Private(ThanksDown);
    }

    private static Modal ReasonForm(string answerId) => new(
        new ButtonAction.ExplainDownVote(answerId).ToCustomId()!,
        "What was wrong with this answer?",
        [
            new LabelComponent("Reason", new StringSelect(ReasonField, Enum.GetValues<DownReason>()
                .Select(reason => new SelectOption(Capitalised(DownReasons.Label(reason)), DownReasons.Code(reason))).ToList())),
            new LabelComponent("Anything to add? (optional)", new TextInput(CommentField, Required: false, MaxCommentLength)),
        ]);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string PersonId(Interaction interaction) => interaction.Invoker?.Id ?? "unknown";

    private static InteractionResponse Private(string text) => InteractionResponse.Message(OutgoingMessage.Text(text, ephemeral: true));
}
