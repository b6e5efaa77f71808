using System.Globalization;
using ChatBrief.Core.Moderation;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// Decides who may run moderator commands. The command registration already hides them from members without
/// Manage Server, but server admins can override that in their client, so the server checks again on every call.
/// </summary>
internal sealed class ModeratorPolicy(IOptions<DiscordOptions> options)
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>The <c>default_member_permissions</c> of moderator commands: Manage Server, as Discord's decimal string.</summary>
    public static string RequiredPermission => ManageGuild.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// True for a server member who has Manage Server or Administrator in this channel (<c>member.permissions</c> already
    /// includes channel overwrites), or who holds a configured moderator role. Never true in DMs: there is no server to moderate.
    /// </summary>
    /// <summary>Who acted, for the audit log: the user id decides, the name is only shown.</summary>
    public static Moderator Actor(Interaction interaction) =>
        new("discord", interaction.Invoker?.Id ?? "unknown", interaction.Invoker?.GlobalName ?? interaction.Invoker?.Username);

    public bool IsModerator(Interaction interaction)
    {
        if (interaction.Member is not { } member)
        {
            return false;
        }

        if (ulong.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            && (permissions & (Administrator | ManageGuild)) != 0)
        {
            return true;
        }

        var moderatorRoles = options.Value.ModeratorRoleIds;
        return member.Roles?.Any(role => moderatorRoles.Contains(role, StringComparer.Ordinal)) == true;
    }
}
