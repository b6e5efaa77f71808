namespace ChatBrief.Discord.Model;

/// <summary>An application command as it is registered with Discord: a slash command, or a message's context-menu command.</summary>
/// <param name="Description">Required for slash commands; Discord refuses one on a message command.</param>
/// <param name="DefaultMemberPermissions">A decimal permission bitset; members without it do not see the command (admins can change that per server).</param>
/// <param name="Contexts">Where the command may be used (<see cref="CommandContexts"/>); only global commands accept it.</param>
internal sealed record ApplicationCommandDefinition(
    string Name,
    string? Description,
    IReadOnlyList<ApplicationCommandOptionDefinition>? Options = null,
    string? DefaultMemberPermissions = null,
    IReadOnlyList<int>? Contexts = null,
    ApplicationCommandType Type = ApplicationCommandType.ChatInput)
{
    /// <summary>
    /// How the command may be installed (0 by a server, 1 by a person), for global commands: one usable outside servers
    /// can also be installed by a person for themselves; a server-only one (the moderator commands) needs the server's install.
    /// </summary>
    public IReadOnlyList<int>? IntegrationTypes => Contexts switch
    {
        null => null,
        _ when Contexts.SequenceEqual(CommandContexts.ServersOnly) => IntegrationTypeIds.ServerOnly,
        _ => IntegrationTypeIds.ServerOrPerson,
    };
}

internal enum ApplicationCommandType
{
    ChatInput = 1,
    Message = 3,
}

/// <summary>Discord's application integration types: who installed the app where a command is used.</summary>
internal static class IntegrationTypeIds
{
    public const int GuildInstall = 0;
    public const int UserInstall = 1;

    public static readonly IReadOnlyList<int> ServerOnly = [GuildInstall];

    public static readonly IReadOnlyList<int> ServerOrPerson = [GuildInstall, UserInstall];
}

/// <summary>Where commands may be used when registered globally (Discord's interaction context types).</summary>
internal static class CommandContexts
{
    public const int Guild = 0;
    public const int BotDm = 1;
    public const int PrivateChannel = 2;

    public static readonly IReadOnlyList<int> Everywhere = [Guild, BotDm, PrivateChannel];

    public static readonly IReadOnlyList<int> ServersOnly = [Guild];
}

internal enum ApplicationCommandOptionType
{
    SubCommand = 1,
    String = 3,
    Integer = 4,
    Boolean = 5,
    Attachment = 11,
}

internal sealed record ApplicationCommandOptionDefinition(
    ApplicationCommandOptionType Type,
    string Name,
    string Description,
    bool Required = false,
    bool? Autocomplete = null,
    IReadOnlyList<ApplicationCommandOptionDefinition>? Options = null)
{
    /// <summary>The smallest value an integer option takes.</summary>
    public int? MinValue { get; init; }

    /// <summary>The largest value an integer option takes.</summary>
    public int? MaxValue { get; init; }

    /// <summary>A sub-command (<c>/source add</c>): its options are the ones typed after it.</summary>
    public static ApplicationCommandOptionDefinition SubCommand(string name, string description, params ApplicationCommandOptionDefinition[] options) =>
        new(ApplicationCommandOptionType.SubCommand, name, description, Options: options.Length == 0 ? null : options);
}
