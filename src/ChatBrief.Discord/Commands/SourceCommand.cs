using ChatBrief.Core.Indexing;
using ChatBrief.Core.Moderation;
using ChatBrief.Core.Sources;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// <c>/source add|remove|list</c>, for moderators: changes the sources folder from chat. Adding and removing acknowledge
/// at once and report through an edit of the response once the file is saved or moved and the index updated.
/// </summary>
internal sealed partial class SourceCommand(
    ModeratorPolicy policy,
    SourceModeration sources,
    IIndexManager index,
    AuditLog audit,
    SourceChangeJob job,
    BackgroundWork background,
    ILogger<SourceCommand> logger) : ISlashCommand, IAutocompleteCommand
{
    public const string Name = "source";
    public const string FileOption = "file";
    public const string ReplaceOption = "replace";
    public const string NameOption = "name";

    /// <summary>Discord serves attachments from these hosts only; an address elsewhere did not come from Discord.</summary>
    public static readonly IReadOnlyList<string> CdnHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    public static ApplicationCommandDefinition Registration { get; } = new(
        Name,
        "Add, remove or list the documents ChatBrief quotes (moderators only).",
        [
            ApplicationCommandOptionDefinition.SubCommand(
                "add",
                "Add a document from a file (it is indexed at once)",
                new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.Attachment, FileOption, "The file: .txt, .md or .jsonl", Required: true),
                new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.Boolean, ReplaceOption, "Overwrite a source of the same name")),
            ApplicationCommandOptionDefinition.SubCommand(
                "remove",
                "Remove a document (the file is moved to the removed folder, not deleted)",
                new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.String, NameOption, "The source's file name", Required: true, Autocomplete: true)),
            ApplicationCommandOptionDefinition.SubCommand("list", "The files of the sources folder"),
        ],
        DefaultMemberPermissions: ModeratorPolicy.RequiredPermission,
        Contexts: CommandContexts.ServersOnly);

    public ApplicationCommandDefinition Definition => Registration;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var sub = interaction.Data?.SubCommand;
        var who = ModeratorPolicy.Actor(interaction);
        if (!policy.IsModerator(interaction))
        {
            LogRefused(who.UserId, interaction.GuildId, sub?.Name);
            audit.Record(who, $"{Name} {sub?.Name}".TrimEnd(), null, AuditResult.Refused, "not a moderator");
            return Task.FromResult(Ephemeral(Replies.ModeratorsOnlyFor("/source")));
        }

        switch (sub?.Name)
        {
            case "add" when sub.AttachmentOption(FileOption) is { } file:
                var upload = new SourceUpload(file.Filename, file.Url, file.Size, CdnHosts);
                var replace = sub.BooleanOption(ReplaceOption) ?? false;
                return Deferred(interaction, stopping => sources.AddAsync(who, upload, replace, stopping));
            case "add":
                return Task.FromResult(Ephemeral("Please attach the file to add: /source add file: (your file)."));
            case "remove" when sub.StringOption(NameOption) is { Length: > 0 } name:
                return Deferred(interaction, stopping => sources.RemoveAsync(who, name, stopping));
            case "list":
                return Task.FromResult(List());
            default:
                return Task.FromResult(Ephemeral(Replies.UnknownCommand));
        }
    }

    /// <summary>Indexed sources whose name contains what was typed; at most Discord's 25 choices.</summary>
    public Task<InteractionResponse> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var typed = interaction.Data?.FocusedOption?.ValueText.Trim() ?? "";
        var choices = index.ListSources()
            .Select(source => source.Source)
            .Where(source => source.Contains(typed, StringComparison.OrdinalIgnoreCase) && source.Length <= MessageLimits.ChoiceText)
            .Take(MessageLimits.AutocompleteChoices)
            .Select(source => new AutocompleteChoice(source, source))
            .ToList();
        return Task.FromResult(InteractionResponse.Choices(choices));
    }

    private Task<InteractionResponse> Deferred(Interaction interaction, Func<CancellationToken, Task<SourceChange>> change)
    {
        background.RunUntilStopping("source change", stopping => job.RunAsync(interaction.Token, change, stopping));
        return Task.FromResult(InteractionResponse.Defer(ephemeral: true));
    }

    private InteractionResponse List()
    {
        var files = sources.List();
        var title = files.Count == 1 ? "1 file in the sources folder" : $"{files.Count} files in the sources folder";
        var description = files.Count == 0 ? "The sources folder is empty." : LineList.Fit(files.Select(file => "• " + TextFitter.Fit(file, 200, DiscordMarkdown.Escape)).ToList());
        return InteractionResponse.Message(OutgoingMessage.Create([new Embed(title, description)], ephemeral: true));
    }

    private static InteractionResponse Ephemeral(string text) => InteractionResponse.Message(OutgoingMessage.Text(text, ephemeral: true));

    [LoggerMessage(LogLevel.Information, "Refused /source {SubCommand} for user {UserId} in guild {GuildId}: not a moderator")]
    private partial void LogRefused(string userId, string? guildId, string? subCommand);
}
