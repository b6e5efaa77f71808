namespace ChatBrief.Discord.Model;

internal sealed record Embed(string? Title = null, string? Description = null, IReadOnlyList<EmbedField>? Fields = null, EmbedFooter? Footer = null, int? Color = null);

internal sealed record EmbedField(string Name, string Value, bool Inline = false);

internal sealed record EmbedFooter(string Text);
