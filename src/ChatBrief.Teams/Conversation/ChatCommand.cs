namespace ChatBrief.Teams.Conversation;

/// <summary>What a message asks for, once the bot's mention is gone.</summary>
internal abstract record ChatCommand
{
    public sealed record Help : ChatCommand;

    public sealed record Sources : ChatCommand;

    public sealed record Status : ChatCommand;

    public sealed record Reindex : ChatCommand;

    public sealed record Ask(string Question) : ChatCommand;

    /// <summary><c>remove notes.md</c>: a moderator removes a source.</summary>
    public sealed record RemoveSource(string Name) : ChatCommand;

    public sealed record Aliases : ChatCommand;

    /// <summary><c>alias add SDF = Self-Defense Forces</c>.</summary>
    public sealed record AddAlias(string Group) : ChatCommand;

    /// <summary><c>alias remove SDF</c>.</summary>
    public sealed record RemoveAlias(string Spelling) : ChatCommand;

    public sealed record Audit : ChatCommand;

    /// <summary><c>gaps</c> or <c>gaps 7</c>: a moderator asks what the sources could not answer in the last days.</summary>
    public sealed record Gaps(int Days) : ChatCommand
    {
        public const int DefaultDays = 30;
        public const int MaxDays = 3650;
    }

    /// <summary>
    /// A command is a message that is only the command word (any case, trailing punctuation allowed), so that
    /// "status of the treaty?" stays a question. <c>ask</c> is implied, but may be typed.
    /// </summary>
    public static ChatCommand Parse(string text)
    {
        var trimmed = text.Trim();
        var word = trimmed.TrimEnd('?', '!', '.').Trim().ToLowerInvariant();
        switch (word)
        {
            case "":
            case "ask":
            case "help":
                return new Help();
            case "sources":
                return new Sources();
            case "status":
                return new Status();
            case "reindex":
                return new Reindex();
            case "aliases":
                return new Aliases();
            case "audit":
                return new Audit();
            case "gaps":
                return new Gaps(Gaps.DefaultDays);
        }

        if (AfterPrefix(word, "gaps ") is { } days && int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= Gaps.MaxDays)
        {
            return new Gaps(count);
        }

        // Only a file name makes "remove …" a command, so that "remove the sanctions?" stays a question.
        if (AfterPrefix(trimmed, "remove ") is { } name && Path.HasExtension(name) && !name.EndsWith('?'))
        {
            return new RemoveSource(name);
        }

        if (AfterPrefix(trimmed, "alias add ") is { } group)
        {
            return new AddAlias(group);
        }

        if (AfterPrefix(trimmed, "alias remove ") is { } spelling)
        {
            return new RemoveAlias(spelling);
        }

        if (trimmed.StartsWith("ask ", StringComparison.OrdinalIgnoreCase))
        {
            var question = trimmed[4..].Trim();
            return question.Length == 0 ? new Help() : new Ask(question);
        }

        return new Ask(trimmed);
    }

    private static string? AfterPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text[prefix.Length..].Trim() is { Length: > 0 } rest ? rest : null;
}
