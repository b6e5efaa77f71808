using System.Text.RegularExpressions;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Gateway;

/// <summary>
/// Answers a message that mentions the bot (or any direct message) with a reply to it. The mention is read from the
/// message's mention list, not its text: "@ChatBrief" typed as text is no mention, and a role or nickname mention is
/// written differently. Answers are produced in the background so the gateway keeps reading (and heartbeating).
/// </summary>
internal sealed partial class MentionResponder(AnswerComposer composer, IDiscordRestClient rest, BackgroundWork background, ILogger<MentionResponder> logger)
{
    private const string AskAfterMention = "Ask me a question after the mention, for example: @ChatBrief who wrote the report?";

    public void Consider(ReceivedMessage message, string botUserId)
    {
        if (message.Author is not { } author || author.Bot == true || author.Id == botUserId || message.WebhookId is not null || message.ChannelId is null)
        {
            return;
        }

        var isDirectMessage = message.GuildId is null;
        if (!isDirectMessage && message.Mentions?.Any(user => user.Id == botUserId) != true)
        {
            return;
        }

        var question = WithoutMentionsOf(message.Content ?? "", botUserId);
        LogQuestion(message.Id, message.ChannelId, isDirectMessage);
        background.Run("answer a mention", async stopping =>
        {
            var reply = question.Length == 0 ? OutgoingMessage.Text(AskAfterMention)
                : composer.SlowDownFor(author.Id) is { } slowDown ? OutgoingMessage.Text(slowDown)
                : await AnswerAsync(question, author.Id, stopping);
            try
            {
                await rest.CreateMessageAsync(message.ChannelId, reply.AsReplyTo(message.Id), stopping);
            }
            catch (DiscordRestException exception)
            {
                LogReplyRefused(message.ChannelId, exception.StatusCode, exception.ErrorCode);
            }
        });
    }

    private async Task<OutgoingMessage> AnswerAsync(string question, string askerId, CancellationToken cancellationToken)
    {
        try
        {
            return await composer.ComposeAsync(question, skip: 0, cancellationToken, askerId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAnswerFailed(exception);
            return OutgoingMessage.Text(Replies.ForFailure(exception));
        }
    }

    internal static string WithoutMentionsOf(string content, string botUserId) =>
        Regex.Replace(content, $@"<@!?{Regex.Escape(botUserId)}>", " ").Trim();

    [LoggerMessage(LogLevel.Information, "Answering message {MessageId} in channel {ChannelId} (direct message: {IsDirectMessage})")]
    private partial void LogQuestion(string messageId, string channelId, bool isDirectMessage);

    [LoggerMessage(LogLevel.Warning, "Discord refused the reply in channel {ChannelId}: {StatusCode} (code {ErrorCode}); the bot may lack Send Messages or Read Message History there")]
    private partial void LogReplyRefused(string channelId, int statusCode, int? errorCode);

    [LoggerMessage(LogLevel.Error, "Answering a mention failed")]
    private partial void LogAnswerFailed(Exception exception);
}
