using ChatBrief.Core.Moderation;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary><c>/audit</c>, for moderators: the latest moderator actions, newest last, privately.</summary>
internal sealed class AuditCommand(ModeratorPolicy policy, AuditLog audit) : ISlashCommand
{
    public const int Shown = 20;

    public static ApplicationCommandDefinition Registration { get; } = new(
        "audit",
        "The latest moderator actions: who changed what, and when (moderators only).",
        DefaultMemberPermissions: ModeratorPolicy.RequiredPermission,
        Contexts: CommandContexts.ServersOnly);

    public ApplicationCommandDefinition Definition => Registration;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (!policy.IsModerator(interaction))
        {
            return Task.FromResult(InteractionResponse.Message(OutgoingMessage.Text(Replies.ModeratorsOnlyFor("/audit"), ephemeral: true)));
        }

        var entries = audit.Latest(Shown);
        var description = entries.Count == 0
            ? "No moderator action has been recorded yet."
            : LineList.Fit(entries.Select(entry => "• " + TextFitter.Fit(entry.ToString(), 400, DiscordMarkdown.Escape)).ToList());
        var embed = new Embed($"Latest {entries.Count} moderator actions", description);
        return Task.FromResult(InteractionResponse.Message(OutgoingMessage.Create([embed], ephemeral: true)));
    }
}
