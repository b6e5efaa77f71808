using System.Text.Json.Nodes;

namespace ChatBrief.Tests.Teams;

/// <summary>Inbound activities shaped like the ones Teams sends.</summary>
public static class TeamsActivities
{
    public const string UserAadObjectId = "aaaaaaaa-0000-0000-0000-000000000001";
    public const string ModeratorAadObjectId = "bbbbbbbb-0000-0000-0000-000000000002";

    /// <summary>A channel thread id, with the characters (<c>:</c>, <c>;</c>, <c>@</c>, <c>=</c>) that must be escaped in connector paths.</summary>
    public static string NewChannelConversationId() => $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1700000000000";

    public static JsonObject Message(string appId, string serviceUrl, string conversationId, string text, string? aadObjectId = UserAadObjectId, string? id = null)
    {
        var activity = Base("message", appId, serviceUrl, conversationId, aadObjectId, id);
        activity["text"] = $"<at>ChatBrief</at> {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = $"28:{appId}", ["name"] = "ChatBrief" },
            ["text"] = "<at>ChatBrief</at>",
        });
        return activity;
    }

    /// <summary>A one-to-one chat: no mention is needed, so none is sent.</summary>
    public static JsonObject PersonalMessage(string appId, string serviceUrl, string conversationId, string text)
    {
        var activity = Base("message", appId, serviceUrl, conversationId, UserAadObjectId, id: null);
        activity["text"] = text;
        activity["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        return activity;
    }

    public static JsonObject CardSubmit(string appId, string serviceUrl, string conversationId, JsonObject value)
    {
        var activity = Base("message", appId, serviceUrl, conversationId, UserAadObjectId, id: null);
        activity["value"] = value;
        return activity;
    }

    /// <summary>Teams' own 👍/👎 on the bot's message <paramref name="ratedId"/>.</summary>
    public static JsonObject FeedbackInvoke(string appId, string serviceUrl, string conversationId, string ratedId, string reaction, string? text = null)
    {
        var activity = Base("invoke", appId, serviceUrl, conversationId, UserAadObjectId, id: null);
        activity["name"] = "message/submitAction";
        activity["replyToId"] = ratedId;
        var actionValue = new JsonObject { ["reaction"] = reaction };
        if (text is not null)
        {
            actionValue["feedback"] = new JsonObject { ["feedbackText"] = text }.ToJsonString();
        }

        activity["value"] = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = actionValue };
        return activity;
    }

    public static JsonObject BotAdded(string appId, string serviceUrl, string conversationId)
    {
        var activity = Base("conversationUpdate", appId, serviceUrl, conversationId, UserAadObjectId, id: null);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = $"28:{appId}" });
        return activity;
    }

    private static JsonObject Base(string type, string appId, string serviceUrl, string conversationId, string? aadObjectId, string? id) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Avery", ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = $"28:{appId}", ["name"] = "ChatBrief" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["tenantId"] = "tenant-1", ["isGroup"] = true },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["locale"] = "en-US",
    };
}
