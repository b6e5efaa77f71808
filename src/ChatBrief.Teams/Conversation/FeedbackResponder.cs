using System.Text.Json;
using ChatBrief.Core.Feedback;
using ChatBrief.Teams.Messages;
using ChatBrief.Teams.Processing;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Conversation;

/// <summary>
/// Teams' own feedback loop on answers. Its 👍/👎 arrive as a <c>message/submitAction</c> invoke that names the rated
/// message, not the answer, so each answer's message id is linked to the answer when it is sent. Teams shows the
/// person its own thank-you; the endpoint's empty 200 is all it expects, and the shared message is not edited.
/// </summary>
internal sealed partial class FeedbackResponder(FeedbackLog feedback, ILogger<FeedbackResponder> logger)
{
    public const string SubmitAction = "message/submitAction";
    private const int MaxCommentLength = 1000;

    /// <summary>The person as the log knows them: the Entra object id, as moderators are listed, else the channel id.</summary>
    public static string PersonId(InboundTurn turn) => turn.Activity.From!.AadObjectId ?? turn.Activity.From.Id!;

    /// <summary>Links a sent answer's message to its logged answer.</summary>
    public void Sent(InboundTurn turn, TeamsMessage message, string? sentId)
    {
        if (message.AnswerId is { } answerId && sentId is { Length: > 0 })
        {
            feedback.LinkMessage(answerId, MessageRef(turn, sentId));
        }
    }

    public void Record(InboundTurn turn)
    {
        if (turn.Activity.ReplyToId is not { Length: > 0 } rated || Read(turn.Activity.Value) is not { } submitted)
        {
            LogIgnored(turn.Activity.Id);
            return;
        }

        feedback.RecordVoteOnMessage(QuestionResponder.Door, MessageRef(turn, rated), PersonId(turn), submitted.Vote, submitted.Comment);
    }

    private static string MessageRef(InboundTurn turn, string activityId) => $"teams:{turn.ConversationId}:{activityId}";

    /// <summary>
    /// <c>{"actionName": "feedback", "actionValue": {"reaction": "like" | "dislike", "feedback": "{\"feedbackText\": \"…\"}"}}</c>;
    /// the feedback is a JSON string in Teams' default form, and an object in custom ones.
    /// </summary>
    private static (Vote Vote, string? Comment)? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "feedback"
            || !data.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("reaction", out var reaction) || reaction.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        Vote? vote = reaction.GetString() switch { "like" => Vote.Up, "dislike" => Vote.Down, _ => null };
        return vote is { } given ? (given, Comment(action)) : null;
    }

    private static string? Comment(JsonElement action)
    {
        if (!action.TryGetProperty("feedback", out var feedback))
        {
            return null;
        }

        var form = feedback;
        if (feedback.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var parsed = JsonDocument.Parse(feedback.GetString()!);
                form = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return form.ValueKind == JsonValueKind.Object && form.TryGetProperty("feedbackText", out var text) && text.ValueKind == JsonValueKind.String
            && text.GetString()!.Trim() is { Length: > 0 } comment
                ? comment[..Math.Min(comment.Length, MaxCommentLength)]
                : null;
    }

    [LoggerMessage(LogLevel.Information, "Ignored a Teams feedback invoke {ActivityId} that names no message or carries no reaction")]
    private partial void LogIgnored(string? activityId);
}
