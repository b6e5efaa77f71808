using System.Text.Json;

namespace ChatBrief.Teams.Activities;

/// <summary>The fields of a Bot Framework activity that ChatBrief reads; everything else is ignored.</summary>
internal sealed record InboundActivity
{
    public string? Type { get; init; }

    /// <summary>What an <c>invoke</c> activity asks for, such as <c>composeExtension/query</c> or <c>message/submitAction</c>.</summary>
    public string? Name { get; init; }

    public string? Id { get; init; }

    /// <summary>The message this activity answers; for feedback, the bot's message that was rated.</summary>
    public string? ReplyToId { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<ActivityEntity>? Entities { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ActivityAttachment>? Attachments { get; init; }

    /// <summary>The data of an Adaptive Card <c>Action.Submit</c>, or the parameters of an <c>invoke</c>.</summary>
    public JsonElement? Value { get; init; }

    public string? DeliveryMode { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Null when the body is not JSON or lacks what every reply needs (type, serviceUrl, channelId, conversation, bot, sender).</summary>
    public static InboundActivity? TryParse(ReadOnlySpan<byte> body)
    {
        InboundActivity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<InboundActivity>(body, JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }

        return activity is { Type: { Length: > 0 }, ServiceUrl: { Length: > 0 }, ChannelId: { Length: > 0 }, Conversation.Id: { Length: > 0 }, Recipient.Id: { Length: > 0 }, From.Id: { Length: > 0 } }
            ? activity
            : null;
    }
}

internal sealed record ChannelAccount(string? Id, string? Name)
{
    /// <summary>The person's Entra object id; moderators are listed by it.</summary>
    public string? AadObjectId { get; init; }
}

internal sealed record ConversationAccount(string? Id)
{
    public string? ConversationType { get; init; }
}

/// <summary>A file or card attached to a message; only files sent to the bot matter here.</summary>
internal sealed record ActivityAttachment(string? ContentType, string? Name)
{
    /// <summary>What Teams attaches when a file is sent to the bot in a personal chat (with <c>supportsFiles</c> in the manifest).</summary>
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    public JsonElement? Content { get; init; }

    /// <summary>The file's pre-authenticated, short-lived download address, or null when this is not a sent file.</summary>
    public string? DownloadUrl => ContentType == FileDownloadInfo
        && Content is { ValueKind: JsonValueKind.Object } content
        && content.TryGetProperty("downloadUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
}

/// <summary>An entity of an activity; only <c>mention</c> entities matter here.</summary>
internal sealed record ActivityEntity(string? Type)
{
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }
}

/// <summary>Activity types and delivery modes ChatBrief acts on.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    public const string ExpectReplies = "expectReplies";
}
