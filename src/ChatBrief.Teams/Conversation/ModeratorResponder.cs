using ChatBrief.Core.Analysis;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Moderation;
using ChatBrief.Core.Sources;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Teams.Conversation;

/// <summary>
/// Composes the replies to moderators' commands: a file sent in a personal chat, <c>remove</c>, <c>alias …</c>,
/// <c>aliases</c>, <c>audit</c> and <c>gaps</c>. Everyone may list the aliases; everything else is for moderators, and a
/// refusal is recorded in the audit trail too.
/// </summary>
internal sealed partial class ModeratorResponder(
    ModeratorPolicy moderators,
    SourceModeration sources,
    AliasModeration aliases,
    AuditLog audit,
    IFeedbackStore questionLog,
    GapFinder gapFinder,
    TimeProvider clock,
    IOptions<TeamsOptions> options,
    ILogger<ModeratorResponder> logger)
{
    public const string GapsAction = "gaps";

    public const int AuditShown = 20;

    /// <summary>The text sent with a file that asks to overwrite a source of the same name.</summary>
    public const string ReplaceWord = "replace";

    public TeamsMessage Aliases() => ModeratorMessages.Aliases(aliases.List());

    public TeamsMessage Audit(InboundActivity activity) =>
        Allowed(activity, "audit", null) ? ModeratorMessages.Audit(audit.Latest(AuditShown)) : ModeratorMessages.Refused();

    /// <summary>
    /// The gap report, in a personal chat only: it quotes what people asked, which a channel's members should not all
    /// see.
    /// </summary>
    public async Task<TeamsMessage> GapsAsync(InboundActivity activity, int days, CancellationToken cancellationToken)
    {
        if (!Allowed(activity, GapsAction, null))
        {
            return ModeratorMessages.Refused();
        }

        if (activity.Conversation?.ConversationType != "personal")
        {
            return ModeratorMessages.GapsInPersonalChatOnly();
        }

        try
        {
            return ModeratorMessages.Gaps(await gapFinder.FindAsync(questionLog, days, clock, cancellationToken), days);
        }
        catch (FeedbackStoreException e)
        {
            return ModeratorMessages.Plain($"Sorry, the question log cannot be read: {e.Message}");
        }
    }

    public async Task<TeamsMessage> AddFileAsync(InboundActivity activity, ActivityAttachment file, CancellationToken cancellationToken)
    {
        var name = file.Name ?? "";
        if (!Allowed(activity, SourceModeration.AddAction, name))
        {
            return ModeratorMessages.Refused();
        }

        if (activity.Conversation?.ConversationType != "personal")
        {
            return ModeratorMessages.FilesInPersonalChatOnly();
        }

        var replace = string.Equals(MentionStripper.Strip(activity).Trim(), ReplaceWord, StringComparison.OrdinalIgnoreCase);
        var upload = new SourceUpload(name, file.DownloadUrl!, DeclaredSize: null, options.Value.EffectiveAllowedFileHosts);
        try
        {
            return ModeratorMessages.SourceChanged(await sources.AddAsync(ModeratorPolicy.Actor(activity.From), upload, replace, cancellationToken));
        }
        catch (SourceExistsException exists)
        {
            return ModeratorMessages.NameInUse(exists.FileName);
        }
        catch (SourceChangeRefusedException refused)
        {
            return ModeratorMessages.Plain(refused.Message);
        }
    }

    public async Task<TeamsMessage> RemoveSourceAsync(InboundActivity activity, string source, CancellationToken cancellationToken)
    {
        if (!Allowed(activity, SourceModeration.RemoveAction, source))
        {
            return ModeratorMessages.Refused();
        }

        try
        {
            return ModeratorMessages.SourceChanged(await sources.RemoveAsync(ModeratorPolicy.Actor(activity.From), source, cancellationToken));
        }
        catch (SourceChangeRefusedException refused)
        {
            return ModeratorMessages.Plain(refused.Message);
        }
    }

    public Task<TeamsMessage> AddAliasAsync(InboundActivity activity, string group, CancellationToken cancellationToken) =>
        EditAliasesAsync(activity, AliasModeration.AddAction, group, aliases.AddAsync, cancellationToken);

    public Task<TeamsMessage> RemoveAliasAsync(InboundActivity activity, string spelling, CancellationToken cancellationToken) =>
        EditAliasesAsync(activity, AliasModeration.RemoveAction, spelling, aliases.RemoveAsync, cancellationToken);

    private async Task<TeamsMessage> EditAliasesAsync(
        InboundActivity activity,
        string action,
        string argument,
        Func<Moderator, string, CancellationToken, Task<string>> edit,
        CancellationToken cancellationToken)
    {
        if (!Allowed(activity, action, argument))
        {
            return ModeratorMessages.Refused();
        }

        try
        {
            return ModeratorMessages.Plain(await edit(ModeratorPolicy.Actor(activity.From), argument, cancellationToken));
        }
        catch (AliasRefusedException refused)
        {
            return ModeratorMessages.Plain(refused.Message);
        }
    }

    private bool Allowed(InboundActivity activity, string action, string? target)
    {
        if (moderators.IsModerator(activity.From))
        {
            return true;
        }

        LogRefused(action, activity.Id);
        audit.Record(ModeratorPolicy.Actor(activity.From), action, target, AuditResult.Refused, "not a moderator");
        return false;
    }

    [LoggerMessage(LogLevel.Information, "Refused {Action} from a non-moderator in activity {ActivityId}")]
    private partial void LogRefused(string action, string? activityId);
}
