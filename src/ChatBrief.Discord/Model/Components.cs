namespace ChatBrief.Discord.Model;

internal enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
}

/// <summary>A row of at most five buttons.</summary>
internal sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

internal sealed record Button(ButtonStyle Style, string Label, string CustomId)
{
    public int Type => 2;
}
