namespace ChatBrief.Teams.Messages;

/// <summary>
/// What the bot says, as plain structure: every string in it is literal text (source passages, titles, the user's
/// question, the bot's own words alike). Only <see cref="AdaptiveCardWriter"/> turns it into card JSON, so escaping
/// happens in one place and no text can smuggle in markup.
/// </summary>
internal sealed record TeamsMessage(IReadOnlyList<MessageBlock> Blocks, IReadOnlyList<SubmitButton> Actions)
{
    public TeamsMessage(params MessageBlock[] blocks) : this(blocks, []) { }

    /// <summary>The logged answer this message carries; Teams then shows its own 👍/👎 under it.</summary>
    public string? AnswerId { get; init; }
    /// <summary>Sentences quoted in the message text with Teams citations; empty for messages that answer nothing.</summary>
    public IReadOnlyList<CitedClaim> Claims { get; init; } = [];

    /// <summary>The message as plain text, for clients that cannot show cards and for notifications.</summary>
    public string PlainText => string.Join("\n\n", Blocks.OfType<Paragraph>().Select(p => p.PlainText));
}

internal abstract record MessageBlock;

internal enum ParagraphStyle
{
    Normal,
    Heading,
    Quote,
    Subtle,
}

/// <summary>A paragraph of runs; <see cref="Run.Emphasised"/> runs are shown in bold.</summary>
internal sealed record Paragraph(IReadOnlyList<Run> Runs, ParagraphStyle Style = ParagraphStyle.Normal) : MessageBlock
{
    public Paragraph(string text, ParagraphStyle style = ParagraphStyle.Normal) : this([new Run(text)], style) { }

    public string PlainText => string.Concat(Runs.Select(r => r.Text));
}

internal sealed record Run(string Text, bool Emphasised = false);

/// <summary>Buttons shown under the block before them (e.g. "Show context" under its passage).</summary>
internal sealed record ButtonRow(IReadOnlyList<SubmitButton> Buttons) : MessageBlock;

/// <summary>An <c>Action.Submit</c> button; pressing it sends <see cref="Data"/> back as the value of a message activity.</summary>
internal sealed record SubmitButton(string Title, CardAction Data);
