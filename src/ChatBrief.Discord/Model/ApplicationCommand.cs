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
    String = 3,
    Boolean = 5,
}

internal sealed record ApplicationCommandOptionDefinition(
    ApplicationCommandOptionType Type,
    string Name,
    string Description,
    bool Required = false,
    bool? Autocomplete = null);
