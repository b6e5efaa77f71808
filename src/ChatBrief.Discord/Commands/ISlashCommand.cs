using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary>One slash command: how it is registered with Discord, and how it answers.</summary>
internal interface ISlashCommand
{
    ApplicationCommandDefinition Definition { get; }

    Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken);
}

/// <summary>A command with an option that suggests values while it is typed.</summary>
internal interface IAutocompleteCommand
{
    Task<InteractionResponse> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken);
}

/// <summary>Every command ChatBrief registers; registration needs no handler, so it runs without the core.</summary>
internal static class SlashCommandCatalog
{
    public static readonly IReadOnlyList<ApplicationCommandDefinition> Definitions =
    [
        AskCommand.Registration,
        SourcesCommand.Registration,
        StatusCommand.Registration,
        HelpCommand.Registration,
        ReindexCommand.Registration,
        SourceCommand.Registration,
        AliasCommand.Registration,
        AuditCommand.Registration,
        GapsCommand.Registration,
    ];
}

/// <summary>Where commands may be used when registered globally.</summary>
internal static class CommandContexts
{
    public const int Guild = 0;
    public const int BotDm = 1;

    public static readonly IReadOnlyList<int> Everywhere = [Guild, BotDm];

    public static readonly IReadOnlyList<int> ServersOnly = [Guild];
}
