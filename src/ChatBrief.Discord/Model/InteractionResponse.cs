namespace ChatBrief.Discord.Model;

internal enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>The body of the HTTP response to an interaction.</summary>
internal sealed record InteractionResponse(InteractionCallbackType Type, object? Data = null)
{
    public static readonly InteractionResponse Pong = new(InteractionCallbackType.Pong);

    public static InteractionResponse Message(OutgoingMessage message) => new(InteractionCallbackType.ChannelMessageWithSource, message);

    public static InteractionResponse Update(OutgoingMessage message) => new(InteractionCallbackType.UpdateMessage, message);

    /// <summary>Ephemerality can only be chosen now: Discord ignores flags on the later edit.</summary>
    public static InteractionResponse Defer(bool ephemeral) =>
        new(InteractionCallbackType.DeferredChannelMessageWithSource, new DeferredData(ephemeral ? 1 << 6 : null));

    public static readonly InteractionResponse DeferUpdate = new(InteractionCallbackType.DeferredUpdateMessage);

    public static InteractionResponse Form(Modal modal) => new(InteractionCallbackType.Modal, modal);

    public static InteractionResponse Choices(IReadOnlyList<AutocompleteChoice> choices) =>
        new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteData(choices));

    private sealed record DeferredData(int? Flags);

    private sealed record AutocompleteData(IReadOnlyList<AutocompleteChoice> Choices);
}

internal sealed record AutocompleteChoice(string Name, string Value);
