using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Model;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// Routes a verified interaction to what handles it. A failure becomes a polite private reply: an error status would
/// only show the user "The application did not respond".
/// </summary>
internal sealed partial class InteractionDispatcher(
    IEnumerable<ISlashCommand> commands,
    ComponentHandler components,
    AutocompleteHandler autocomplete,
    ILogger<InteractionDispatcher> logger)
{
    private readonly Dictionary<string, ISlashCommand> _commands = commands.ToDictionary(command => command.Definition.Name, StringComparer.Ordinal);

    public async Task<InteractionResponse> DispatchAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            return interaction.Type switch
            {
                InteractionType.Ping => InteractionResponse.Pong,
                InteractionType.ApplicationCommand when interaction.Data?.Name is { } name && _commands.TryGetValue(name, out var command) =>
                    await command.HandleAsync(interaction, cancellationToken),
                InteractionType.ApplicationCommand => Ephemeral(Replies.UnknownCommand),
                InteractionType.MessageComponent => await components.HandleAsync(interaction, cancellationToken),
                InteractionType.ModalSubmit => components.HandleModal(interaction),
                InteractionType.ApplicationCommandAutocomplete when interaction.Data?.Name is { } name && _commands.GetValueOrDefault(name) is IAutocompleteCommand own =>
                    await own.AutocompleteAsync(interaction, cancellationToken),
                InteractionType.ApplicationCommandAutocomplete => await autocomplete.HandleAsync(interaction, cancellationToken),
                _ => Ephemeral(Replies.Unsupported),
            };
        }
        catch (IndexNotReadyException)
        {
            LogIndexNotReady(interaction.Type);
            return interaction.Type == InteractionType.ApplicationCommandAutocomplete ? InteractionResponse.Choices([]) : Ephemeral(Replies.IndexNotReady);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception, interaction.Type, interaction.Data?.Name ?? interaction.Data?.CustomId);
            return interaction.Type == InteractionType.ApplicationCommandAutocomplete ? InteractionResponse.Choices([]) : Ephemeral(Replies.SomethingWentWrong);
        }
    }

    private static InteractionResponse Ephemeral(string text) => InteractionResponse.Message(OutgoingMessage.Text(text, ephemeral: true));

    [LoggerMessage(LogLevel.Information, "A Discord interaction of type {Type} arrived while the index was still being built")]
    private partial void LogIndexNotReady(InteractionType type);

    [LoggerMessage(LogLevel.Error, "Handling a Discord interaction of type {Type} ({Name}) failed")]
    private partial void LogFailed(Exception exception, InteractionType type, string? name);
}
