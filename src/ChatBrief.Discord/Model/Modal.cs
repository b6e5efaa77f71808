namespace ChatBrief.Discord.Model;

/// <summary>A form shown in answer to an interaction (callback type 9); its fields are labelled components.</summary>
internal sealed record Modal(string CustomId, string Title, IReadOnlyList<LabelComponent> Components);

/// <summary>A field of a modal: a label and the one component it labels (a select or a text input).</summary>
internal sealed record LabelComponent(string Label, object Component)
{
    public int Type => 18;
}

internal sealed record StringSelect(string CustomId, IReadOnlyList<SelectOption> Options, bool Required = true)
{
    public int Type => 3;
}

internal sealed record SelectOption(string Label, string Value);

/// <summary>A text input; <see cref="Style"/> 2 is a paragraph.</summary>
internal sealed record TextInput(string CustomId, bool Required, int MaxLength, int Style = 2)
{
    public int Type => 4;
}
