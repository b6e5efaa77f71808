using ChatBrief.Core.Moderation;
using ChatBrief.Teams.Activities;
using Microsoft.Extensions.Options;

namespace ChatBrief.Teams.Conversation;

/// <summary>Who may run moderator commands: the people whose Entra object ids are in <see cref="TeamsOptions.ModeratorAadObjectIds"/>.</summary>
internal sealed class ModeratorPolicy(IOptions<TeamsOptions> options)
{
    /// <summary>Who acted, for the audit log: the Entra object id when there is one (it decides who is a moderator).</summary>
    public static Moderator Actor(ChannelAccount? sender) =>
        new("teams", sender?.AadObjectId is { Length: > 0 } id ? id : sender?.Id ?? "unknown", sender?.Name);

    /// <summary>The object id comes from the authenticated activity; display names and chat ids are never trusted for this.</summary>
    public bool IsModerator(ChannelAccount? sender) =>
        sender?.AadObjectId is { Length: > 0 } id
        && options.Value.ModeratorAadObjectIds.Any(m => string.Equals(m.Trim(), id, StringComparison.OrdinalIgnoreCase));
}
