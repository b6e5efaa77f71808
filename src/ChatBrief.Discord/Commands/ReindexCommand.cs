using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// <c>/reindex</c>, for moderators: acknowledges at once (a rebuild takes far longer than three seconds), then runs the
/// rebuild in the background and reports through edits of the acknowledged response.
/// </summary>
internal sealed partial class ReindexCommand(ModeratorPolicy policy, ReindexJob job, BackgroundWork background, ILogger<ReindexCommand> logger) : ISlashCommand
{
    public const string FullOption = "full";

    public static ApplicationCommandDefinition Registration { get; } = new(
        "reindex",
        "Re-read the documents and rebuild the index (moderators only).",
        [new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.Boolean, FullOption, "Rebuild everything instead of only changed documents")],
        DefaultMemberPermissions: ModeratorPolicy.RequiredPermission,
        Contexts: CommandContexts.ServersOnly);

    public ApplicationCommandDefinition Definition => Registration;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (!policy.IsModerator(interaction))
        {
            LogRefused(interaction.Invoker?.Id, interaction.GuildId);
            return Task.FromResult(InteractionResponse.Message(OutgoingMessage.Text(Replies.ModeratorsOnly, ephemeral: true)));
        }

        var full = interaction.Data?.BooleanOption(FullOption) ?? false;
        LogStarted(interaction.Invoker?.Id, interaction.GuildId, full);
        background.RunUntilStopping("reindex", stopping => job.RunAsync(interaction.Token, full, stopping));
        return Task.FromResult(InteractionResponse.Defer(ephemeral: true));
    }

    [LoggerMessage(LogLevel.Information, "Refused /reindex for user {UserId} in guild {GuildId}: not a moderator")]
    private partial void LogRefused(string? userId, string? guildId);

    [LoggerMessage(LogLevel.Information, "User {UserId} started /reindex in guild {GuildId} (full: {Full})")]
    private partial void LogStarted(string? userId, string? guildId, bool full);
}
