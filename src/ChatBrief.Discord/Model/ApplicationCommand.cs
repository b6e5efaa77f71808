namespace ChatBrief.Discord.Model;

/// <summary>A slash command as it is registered with Discord.</summary>
/// <param name="DefaultMemberPermissions">A decimal permission bitset; members without it do not see the command (admins can change that per server).</param>
/// <param name="Contexts">Where the command may be used (0 server, 1 bot DM); only global commands accept it.</param>
internal sealed record ApplicationCommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<ApplicationCommandOptionDefinition>? Options = null,
    string? DefaultMemberPermissions = null,
    IReadOnlyList<int>? Contexts = null)
{
    public int Type => 1;
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
