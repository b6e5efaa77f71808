using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary>One application command (a slash command or a message command): how it is registered with Discord, and how it answers.</summary>
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
        AskAboutMessageCommand.Registration,
    ];
}
