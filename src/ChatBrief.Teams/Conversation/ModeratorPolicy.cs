using ChatBrief.Teams.Activities;
using Microsoft.Extensions.Options;

namespace ChatBrief.Teams.Conversation;

/// <summary>Who may run moderator commands: the people whose Entra object ids are in <see cref="TeamsOptions.ModeratorAadObjectIds"/>.</summary>
internal sealed class ModeratorPolicy(IOptions<TeamsOptions> options)
{
    /// <summary>The object id comes from the authenticated activity; display names and chat ids are never trusted for this.</summary>
    public bool IsModerator(ChannelAccount? sender) =>
        sender?.AadObjectId is { Length: > 0 } id
        && options.Value.ModeratorAadObjectIds.Any(m => string.Equals(m.Trim(), id, StringComparison.OrdinalIgnoreCase));
}
