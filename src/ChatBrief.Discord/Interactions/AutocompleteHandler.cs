using ChatBrief.Core.Answers;
using ChatBrief.Discord.Formatting;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// Suggestions while a question is typed in /ask: source titles and frequent phrases of the index. They must arrive
/// while the user is still typing, so a slow lookup yields an empty list rather than a late one.
/// </summary>
internal sealed partial class AutocompleteHandler(IAnswerService answers, DiscordTimings timings, TimeProvider time, ILogger<AutocompleteHandler> logger)
{
    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var typed = interaction.Data?.FocusedOption?.ValueText.Trim() ?? "";
        using var budget = new CancellationTokenSource(timings.AutocompleteBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            var suggestions = await answers.SuggestAsync(typed, MessageLimits.AutocompleteChoices, linked.Token).WaitAsync(linked.Token);
            return InteractionResponse.Choices(Choices(suggestions));
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            LogSlow(timings.AutocompleteBudget.TotalMilliseconds);
            return InteractionResponse.Choices([]);
        }
    }

    // A choice's value is what gets submitted, so a suggestion too long to be one is dropped rather than cut.
    private static List<AutocompleteChoice> Choices(IReadOnlyList<string> suggestions) =>
        suggestions
            .Select(suggestion => suggestion.Trim())
            .Where(suggestion => suggestion.Length is > 0 and <= MessageLimits.ChoiceText)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MessageLimits.AutocompleteChoices)
            .Select(suggestion => new AutocompleteChoice(suggestion, suggestion))
            .ToList();

    [LoggerMessage(LogLevel.Warning, "Autocomplete suggestions took longer than {BudgetMs} ms; answered with none")]
    private partial void LogSlow(double budgetMs);
}
