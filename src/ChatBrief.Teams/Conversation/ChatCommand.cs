namespace ChatBrief.Teams.Conversation;

/// <summary>What a message asks for, once the bot's mention is gone.</summary>
internal abstract record ChatCommand
{
    public sealed record Help : ChatCommand;

    public sealed record Sources : ChatCommand;

    public sealed record Status : ChatCommand;

    public sealed record Reindex : ChatCommand;

    public sealed record Ask(string Question) : ChatCommand;

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
        }

        if (trimmed.StartsWith("ask ", StringComparison.OrdinalIgnoreCase))
        {
            var question = trimmed[4..].Trim();
            return question.Length == 0 ? new Help() : new Ask(question);
        }

        return new Ask(trimmed);
    }
}
