using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBrief.Discord.Model;

internal enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>An interaction as Discord delivers it; only the fields ChatBrief reads.</summary>
internal sealed record Interaction(
    string Id,
    string ApplicationId,
    InteractionType Type,
    string Token,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    GuildMember? Member = null,
    DiscordUser? User = null,
    ReceivedMessage? Message = null)
{
    /// <summary>Where the interaction happened (<see cref="CommandContexts"/>); absent from older payloads.</summary>
    public int? Context { get; init; }

    /// <summary>Who installed ChatBrief where it was used: key "0" (a server, by id) and/or "1" (a person, by id).</summary>
    public IReadOnlyDictionary<string, string>? AuthorizingIntegrationOwners { get; init; }

    /// <summary>The person who acted: <c>member.user</c> in a server, <c>user</c> in a DM.</summary>
    [JsonIgnore]
    public DiscordUser? Invoker => Member?.User ?? User;
}

internal sealed record InteractionData(
    string? Name = null,
    IReadOnlyList<CommandOption>? Options = null,
    string? CustomId = null,
    ResolvedData? Resolved = null)
{
    /// <summary>The command's type (1 slash command, 3 message command); absent on components.</summary>
    public int? Type { get; init; }

    /// <summary>The message a message command was used on.</summary>
    public string? TargetId { get; init; }

    /// <summary>The message a message command was used on, from the resolved data, or null.</summary>
    [JsonIgnore]
    public ReceivedMessage? TargetMessage =>
        TargetId is { } id && Resolved?.Messages?.TryGetValue(id, out var message) == true ? message : null;

    /// <summary>The fields of a submitted modal, as Discord nests them (labels or action rows around the inputs).</summary>
    public JsonElement? Components { get; init; }

    /// <summary>What a submitted modal's input <paramref name="customId"/> holds: a text input's value or a select's first value.</summary>
    public string? SubmittedValue(string customId) => Components is { } components ? FindSubmitted(components, customId) : null;

    private static string? FindSubmitted(JsonElement element, string customId)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Select(item => FindSubmitted(item, customId)).FirstOrDefault(value => value is not null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == customId)
        {
            return element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
                : element.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0 && values[0].ValueKind == JsonValueKind.String ? values[0].GetString()
                : null;
        }

        return (element.TryGetProperty("component", out var inner) ? FindSubmitted(inner, customId) : null)
            ?? (element.TryGetProperty("components", out var nested) ? FindSubmitted(nested, customId) : null);
    }

    /// <summary>The sub-command used (<c>add</c> of <c>/source add</c>) with its own options, or null.</summary>
    [JsonIgnore]
    public InteractionData? SubCommand => Options?.FirstOrDefault(option => option.Type == (int)ApplicationCommandOptionType.SubCommand) is { } sub
        ? new InteractionData(sub.Name, sub.Options ?? [], Resolved: Resolved)
        : null;

    /// <summary>The file given for an attachment option, from the interaction's resolved data.</summary>
    public Attachment? AttachmentOption(string name) =>
        StringOption(name) is { } id && Resolved?.Attachments?.TryGetValue(id, out var attachment) == true ? attachment : null;

    /// <summary>A top-level option's value as text, or null when it was not given.</summary>
    public string? StringOption(string name) => Find(name)?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public int? IntegerOption(string name) => Find(name)?.Value is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public bool? BooleanOption(string name) => Find(name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>The option the user is typing in an autocomplete interaction, in the sub-command if one is used.</summary>
    [JsonIgnore]
    public CommandOption? FocusedOption => SubCommand?.FocusedOption ?? Options?.FirstOrDefault(option => option.Focused == true);

    private CommandOption? Find(string name) => Options?.FirstOrDefault(option => option.Name == name);
}

internal sealed record CommandOption(string Name, int Type, JsonElement? Value = null, IReadOnlyList<CommandOption>? Options = null, bool? Focused = null)
{
    /// <summary>Autocomplete values are partial and typed by a person, so they may be of any JSON kind.</summary>
    [JsonIgnore]
    public string ValueText => Value switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString() ?? "",
        { } value when value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) => value.GetRawText(),
        _ => "",
    };
}

/// <summary>Objects an interaction's options refer to by id.</summary>
internal sealed record ResolvedData(IReadOnlyDictionary<string, Attachment>? Attachments = null, IReadOnlyDictionary<string, ReceivedMessage>? Messages = null);

/// <summary>A file uploaded with a command; <see cref="Url"/> is on Discord's CDN.</summary>
internal sealed record Attachment(string Id, string Filename, long Size, string Url, string? ContentType = null);

/// <summary>The invoking member in a server; <see cref="Permissions"/> is their total permissions in the channel, as a decimal string.</summary>
internal sealed record GuildMember(DiscordUser? User = null, IReadOnlyList<string>? Roles = null, string? Permissions = null);

internal sealed record DiscordUser(string Id, string? Username = null, bool? Bot = null)
{
    /// <summary>The display name a user chose, when they chose one.</summary>
    public string? GlobalName { get; init; }
}

/// <summary>A message as Discord sends it: the one a button sits on, or a gateway MESSAGE_CREATE.</summary>
internal sealed record ReceivedMessage(
    string Id,
    string? ChannelId = null,
    string? GuildId = null,
    DiscordUser? Author = null,
    string? Content = null,
    IReadOnlyList<DiscordUser>? Mentions = null,
    IReadOnlyList<Embed>? Embeds = null,
    string? WebhookId = null,
    int? Flags = null);
