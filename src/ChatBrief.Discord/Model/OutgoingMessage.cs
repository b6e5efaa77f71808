using System.Text.Json.Serialization;
using ChatBrief.Discord.Formatting;

namespace ChatBrief.Discord.Model;

/// <summary>
/// Every message ChatBrief sends to Discord (interaction responses, edits, gateway replies) is one of these, and the
/// only way to make one is through its factories, which always set <c>allowed_mentions</c> to parse nothing: the
/// bot quotes documents and echoes questions, and neither may ever ping anyone. The limits are checked here too, so a
/// message that Discord would refuse with 400/50035 fails loudly in tests instead of silently in production.
/// </summary>
internal sealed class OutgoingMessage
{
    private const int EphemeralFlag = 1 << 6;

    private OutgoingMessage(string content, IReadOnlyList<Embed> embeds, IReadOnlyList<ActionRow> components, int? flags, MessageReference? messageReference, AllowedMentions allowedMentions)
    {
        Content = content;
        Embeds = embeds;
        Components = components;
        Flags = flags;
        MessageReference = messageReference;
        AllowedMentions = allowedMentions;
        MessageLimits.EnsureWithin(this);
    }

    /// <summary>Always sent, empty when unused, so that an edit replaces what the message showed before.</summary>
    public string Content { get; }

    /// <summary>Always sent, so that an edit replaces the previous embeds.</summary>
    public IReadOnlyList<Embed> Embeds { get; }

    /// <summary>Always sent, so that an edit removes buttons that no longer apply.</summary>
    public IReadOnlyList<ActionRow> Components { get; }

    public int? Flags { get; }

    public MessageReference? MessageReference { get; }

    public AllowedMentions AllowedMentions { get; }

    [JsonIgnore]
    public bool IsEphemeral => Flags == EphemeralFlag;

    public static OutgoingMessage Create(IReadOnlyList<Embed> embeds, IReadOnlyList<ActionRow>? components = null, bool ephemeral = false) =>
        new("", embeds, components ?? [], ephemeral ? EphemeralFlag : null, null, AllowedMentions.None);

    public static OutgoingMessage Text(string content, bool ephemeral = false) =>
        new(content, [], [], ephemeral ? EphemeralFlag : null, null, AllowedMentions.None);

    /// <summary>The same message, shown only to the person whose interaction it answers.</summary>
    public OutgoingMessage AsPrivate() => new(Content, Embeds, Components, EphemeralFlag, MessageReference, AllowedMentions);

    /// <summary>The same message with <paramref name="row"/> of buttons after its others.</summary>
    public OutgoingMessage WithRow(ActionRow row) => new(Content, Embeds, [.. Components, row], Flags, MessageReference, AllowedMentions);

    /// <summary>The same message with <paramref name="note"/>, one of ChatBrief's fixed sentences, above its embeds.</summary>
    public OutgoingMessage WithNote(string note) => new(note, Embeds, Components, Flags, MessageReference, AllowedMentions);

    /// <summary>Whether a received message's flags mark it as shown to one person only.</summary>
    public static bool IsEphemeralFlag(int? flags) => flags is { } set && (set & EphemeralFlag) != 0;

    /// <summary>The same message as a reply to <paramref name="messageId"/> that shows the reference but does not ping its author.</summary>
    public OutgoingMessage AsReplyTo(string messageId) =>
        new(Content, Embeds, Components, Flags, new MessageReference(messageId, FailIfNotExists: false), AllowedMentions.NoneInReply);
}

internal sealed record AllowedMentions(IReadOnlyList<string> Parse, bool? RepliedUser = null)
{
    public static readonly AllowedMentions None = new([]);

    public static readonly AllowedMentions NoneInReply = new([], RepliedUser: false);
}

internal sealed record MessageReference(string MessageId, bool FailIfNotExists);
