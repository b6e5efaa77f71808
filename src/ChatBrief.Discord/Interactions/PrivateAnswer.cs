using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// An answer shown only to the person who asked. Where answers may be shared it offers "Post to channel" (when the
/// question fits in the answer's title, from which the button reads it back); elsewhere it says why it stays private.
/// </summary>
internal static class PrivateAnswer
{
    public const string PostLabel = "Post to channel";

    public static OutgoingMessage Offer(OutgoingMessage answer, string question, bool mayShare)
    {
        if (!mayShare)
        {
            return answer.WithNote(Replies.NotInstalledHere);
        }

        return QuestionTitle.For(question).Carried && new ButtonAction.PostToChannel().ToCustomId() is { } post
            ? answer.WithRow(new ActionRow([new Button(ButtonStyle.Primary, PostLabel, post)]))
            : answer;
    }
}
