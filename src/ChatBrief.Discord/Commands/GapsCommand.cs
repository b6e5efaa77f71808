using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Commands;

/// <summary>
/// <c>/gaps [days]</c>, for moderators, privately: what people asked that the sources did not answer (or answered
/// badly), grouped by meaning, largest first, and which earlier gaps the sources answer now.
/// </summary>
internal sealed class GapsCommand(ModeratorPolicy policy, IFeedbackStore store, GapFinder gaps, DeadlineResponder responder, TimeProvider clock) : ISlashCommand
{
    public const string DaysOption = "days";
    public const int DefaultDays = 30;
    private const int ExampleLength = 150;

    public static ApplicationCommandDefinition Registration { get; } = new(
        "gaps",
        "Questions the sources could not answer, grouped, largest first (moderators only).",
        [new ApplicationCommandOptionDefinition(ApplicationCommandOptionType.Integer, DaysOption, $"How many days back to look (default {DefaultDays})") { MinValue = 1, MaxValue = 3650 }],
        DefaultMemberPermissions: ModeratorPolicy.RequiredPermission,
        Contexts: CommandContexts.ServersOnly);

    public ApplicationCommandDefinition Definition => Registration;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (!policy.IsModerator(interaction))
        {
            return InteractionResponse.Message(OutgoingMessage.Text(Replies.ModeratorsOnlyFor("/gaps"), ephemeral: true));
        }

        var days = Math.Clamp(interaction.Data?.IntegerOption(DaysOption) ?? DefaultDays, 1, 3650);
        return await responder.RespondAsync(interaction, stopping => ComposeAsync(days, stopping), DeadlineResponder.Reply.PrivateMessage, cancellationToken);
    }

    private async Task<OutgoingMessage> ComposeAsync(int days, CancellationToken cancellationToken)
    {
        IReadOnlyList<GapGroup> groups;
        try
        {
            groups = await gaps.FindAsync(store, days, clock, cancellationToken);
        }
        catch (FeedbackStoreException e)
        {
            return OutgoingMessage.Text($"Sorry, the question log cannot be read: {e.Message}");
        }

        var open = groups.Where(g => !g.Answered).ToList();
        var answered = groups.Count - open.Count;
        var lines = open.Select(Line).ToList();
        if (answered > 0)
        {
            lines.Add($"✅ {answered} earlier {(answered == 1 ? "gap is" : "gaps are")} answered by the sources now.");
        }

        var description = lines.Count == 0 ? $"No question went unanswered in the last {days} days." : LineList.Fit(lines);
        return OutgoingMessage.Create([new Embed($"Knowledge gaps, last {days} days", description)]);
    }

    private static string Line(GapGroup gap)
    {
        var examples = string.Join(" · ", gap.Examples.Select(e => "“" + TextFitter.Fit(e, ExampleLength, DiscordMarkdown.Escape) + "”"));
        var closest = gap.Closest is { } passage ? $"\n  closest: {DiscordMarkdown.Escape(AnswerWording.Citation(passage))}" : "";
        var reasons = gap.ReasonSummary is { Length: > 0 } summary ? $"\n  👎 {summary}" : "";
        return $"• **{gap.Asked} asked** {examples}{closest}{reasons}";
    }
}
