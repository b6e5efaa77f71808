using ChatBrief.Core.Analysis;
using ChatBrief.Core.Moderation;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// <c>/alias add|remove|list</c>: the moderators' aliases file. Anyone may list it; adding and removing are for
/// moderators and apply from the next question, without a reindex.
/// </summary>
internal sealed partial class AliasCommand(ModeratorPolicy policy, AliasModeration aliases, AuditLog audit, ILogger<AliasCommand> logger) : ISlashCommand
{
    public const string Name = "alias";
    public const string SpellingsOption = "spellings";
    public const string SpellingOption = "spelling";

    public static ApplicationCommandDefinition Registration { get; } = new(
        Name,
        "Spellings that mean the same thing, such as SDF = Self-Defense Forces.",
        [
            ApplicationCommandOptionDefinition.SubCommand(
                "add",
                "Add an alias (moderators only)",
                new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.String, SpellingsOption, "Spellings separated by '=', e.g. SDF = Self-Defense Forces", Required: true)),
            ApplicationCommandOptionDefinition.SubCommand(
                "remove",
                "Remove a spelling from the aliases (moderators only)",
                new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.String, SpellingOption, "The spelling to remove", Required: true)),
            ApplicationCommandOptionDefinition.SubCommand("list", "The moderators' aliases"),
        ],
        Contexts: CommandContexts.ServersOnly);

    public ApplicationCommandDefinition Definition => Registration;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var sub = interaction.Data?.SubCommand;
        if (sub?.Name == "list")
        {
            return List();
        }

        var who = ModeratorPolicy.Actor(interaction);
        if (!policy.IsModerator(interaction))
        {
            LogRefused(who.UserId, interaction.GuildId, sub?.Name);
            audit.Record(who, $"{Name} {sub?.Name}".TrimEnd(), null, AuditResult.Refused, "not a moderator");
            return Ephemeral(Replies.ModeratorsOnlyFor($"/alias {sub?.Name}".TrimEnd()));
        }

        try
        {
            return sub?.Name switch
            {
                "add" => Ephemeral(await aliases.AddAsync(who, sub.StringOption(SpellingsOption) ?? "", cancellationToken)),
                "remove" => Ephemeral(await aliases.RemoveAsync(who, sub.StringOption(SpellingOption) ?? "", cancellationToken)),
                _ => Ephemeral(Replies.UnknownCommand),
            };
        }
        catch (AliasRefusedException refused)
        {
            return Ephemeral(refused.Message);
        }
    }

    private InteractionResponse List()
    {
        var groups = aliases.List();
        var title = groups.Count == 1 ? "1 alias" : $"{groups.Count} aliases";
        var description = groups.Count == 0
            ? $"No alias has been added yet ({AliasLearner.AliasesFileName} is empty). Moderators add one with /alias add."
            : LineList.Fit(groups.Select(group => "• " + TextFitter.Fit(string.Join(" = ", group), 300, DiscordMarkdown.Escape)).ToList());
        return InteractionResponse.Message(OutgoingMessage.Create([new Embed(title, description)], ephemeral: true));
    }

    private static InteractionResponse Ephemeral(string text) =>
        InteractionResponse.Message(OutgoingMessage.Text(TextFitter.Fit(text, MessageLimits.Content, DiscordMarkdown.Escape), ephemeral: true));

    [LoggerMessage(LogLevel.Information, "Refused /alias {SubCommand} for user {UserId} in guild {GuildId}: not a moderator")]
    private partial void LogRefused(string userId, string? guildId, string? subCommand);
}
