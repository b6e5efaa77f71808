using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Messages;
using ChatBrief.Teams.Processing;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Conversation;

/// <summary>Decides what an activity asks for and replies, showing "typing…" while the answer is being composed.</summary>
internal sealed class TurnHandler(
    QuestionResponder questions,
    IndexResponder index,
    ModeratorResponder moderation,
    ModeratorPolicy moderators,
    TurnReplier replier,
    FeedbackResponder feedback,
    ILogger<TurnHandler> logger)
{
    public Task HandleAsync(InboundTurn turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => HandleMessageAsync(turn, cancellationToken),
        ActivityTypes.Invoke when turn.Activity.Name == FeedbackResponder.SubmitAction => RecordFeedback(turn),
        ActivityTypes.ConversationUpdate when BotWasAdded(turn.Activity) => replier.ReplyAsync(turn, InfoMessages.Welcome(), cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task HandleMessageAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Value is not null)
        {
            if (CardAction.TryParse(turn.Activity.Value) is { } action)
            {
                await ReplyWhileTypingAsync(turn, ct => RespondToActionAsync(turn, action, ct), cancellationToken);
            }
            else
            {
                logger.LogInformation("Ignored a card submission with unknown data in activity {ActivityId}", turn.Activity.Id);
            }

            return;
        }

        if (turn.Activity.Attachments?.FirstOrDefault(a => a.DownloadUrl is not null) is { } file)
        {
            logger.LogInformation("Teams file sent in a {ConversationType} conversation", turn.Activity.Conversation?.ConversationType);
            await ReplyWhileTypingAsync(turn, ct => moderation.AddFileAsync(turn.Activity, file, ct), cancellationToken);
            return;
        }

        var command = ChatCommand.Parse(MentionStripper.Strip(turn.Activity));
        logger.LogInformation("Teams {Command} in a {ConversationType} conversation", command.GetType().Name, turn.Activity.Conversation?.ConversationType);
        switch (command)
        {
            case ChatCommand.Help:
                await replier.ReplyAsync(turn, InfoMessages.Help(), cancellationToken);
                break;
            case ChatCommand.Status:
                await replier.ReplyAsync(turn, index.Status(), cancellationToken);
                break;
            case ChatCommand.Sources:
                await replier.ReplyAsync(turn, index.Sources(), cancellationToken);
                break;
            case ChatCommand.Reindex:
                await ReindexAsync(turn, cancellationToken);
                break;
            case ChatCommand.RemoveSource remove:
                await ReplyWhileTypingAsync(turn, ct => moderation.RemoveSourceAsync(turn.Activity, remove.Name, ct), cancellationToken);
                break;
            case ChatCommand.Aliases:
                await replier.ReplyAsync(turn, moderation.Aliases(), cancellationToken);
                break;
            case ChatCommand.AddAlias add:
                await replier.ReplyAsync(turn, await moderation.AddAliasAsync(turn.Activity, add.Group, cancellationToken), cancellationToken);
                break;
            case ChatCommand.RemoveAlias remove:
                await replier.ReplyAsync(turn, await moderation.RemoveAliasAsync(turn.Activity, remove.Spelling, cancellationToken), cancellationToken);
                break;
            case ChatCommand.Audit:
                await replier.ReplyAsync(turn, moderation.Audit(turn.Activity), cancellationToken);
                break;
            case ChatCommand.Gaps gaps:
                await ReplyWhileTypingAsync(turn, ct => moderation.GapsAsync(turn.Activity, gaps.Days, ct), cancellationToken);
                break;
            case ChatCommand.Ask ask:
                await ReplyWhileTypingAsync(turn, ct => questions.AnswerAsync(turn, ask.Question, skip: 0, ct), cancellationToken);
                break;
        }
    }

    private Task<TeamsMessage> RespondToActionAsync(InboundTurn turn, CardAction action, CancellationToken cancellationToken) => action switch
    {
        CardAction.MoreResults more => questions.AnswerAsync(turn, more.Question, more.Skip, cancellationToken),
        CardAction.ShowContext context => questions.ContextAsync(context, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "Unknown card action."),
    };

    private async Task ReindexAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (!moderators.IsModerator(turn.Activity.From))
        {
            logger.LogInformation("Refused reindex from a non-moderator in activity {ActivityId}", turn.Activity.Id);
            await replier.ReplyAsync(turn, InfoMessages.ReindexRefused(), cancellationToken);
            return;
        }

        await replier.ReplyAsync(turn, InfoMessages.ReindexStarted(), cancellationToken);
        await ReplyWhileTypingAsync(turn, index.ReindexAsync, cancellationToken);
    }

    /// <summary>The indicator stops before the reply is sent, so that "typing…" never shows after the answer.</summary>
    private async Task ReplyWhileTypingAsync(InboundTurn turn, Func<CancellationToken, Task<TeamsMessage>> compose, CancellationToken cancellationToken)
    {
        TeamsMessage message;
        await using (replier.StartTyping(turn, cancellationToken))
        {
            try
            {
                message = await compose(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever broke, the person who asked should not be left waiting in silence.
                logger.LogError(e, "Could not compose the reply to activity {ActivityId}", turn.Activity.Id);
                message = InfoMessages.SomethingWentWrong();
            }
        }

        feedback.Sent(turn, message, await replier.ReplyAsync(turn, message, cancellationToken));
    }

    private Task RecordFeedback(InboundTurn turn)
    {
        feedback.Record(turn);
        return Task.CompletedTask;
    }

    private static bool BotWasAdded(InboundActivity activity) =>
        activity.MembersAdded?.Any(m => string.Equals(m.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)) == true;
}
