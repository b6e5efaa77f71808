using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// Whether an answer may be shown to everyone where a command was used. The sources are the team's: they may be quoted
/// in a server that installed ChatBrief and in a person's own DM with the bot. A person who installed ChatBrief for
/// themselves can also use it in other servers and in group DMs; there its answers stay private to them.
/// </summary>
internal static class InstallPlace
{
    private const string GuildInstallKey = "0";

    public static bool MayShareAnswers(Interaction interaction) => interaction.Context switch
    {
        CommandContexts.BotDm => true,
        CommandContexts.PrivateChannel => false,

        // Payloads from before user installs carry no owners: the command came from the server's own install.
        _ => interaction.AuthorizingIntegrationOwners is not { } owners || owners.ContainsKey(GuildInstallKey),
    };
}
