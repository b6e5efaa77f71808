using ChatBrief.Core.Indexing;

namespace ChatBrief.Discord.Interactions;

/// <summary>The fixed sentences ChatBrief says about itself (it never writes anything about the documents).</summary>
internal static class Replies
{
    public const string SomethingWentWrong = "Sorry, something went wrong while answering. Please try again in a moment.";

    public const string ButtonExpired = "This button has expired: the answer it belongs to can no longer be read back. Please ask again with /ask.";

    public const string PassageGone = "That passage is no longer in the index (the sources have changed since this answer). Please ask again with /ask.";

    public const string EmptyQuestion = "Please type a question, for example: /ask question: who wrote the report?";

    public static readonly string ModeratorsOnly = ModeratorsOnlyFor("/reindex");

    public static string ModeratorsOnlyFor(string command) =>
        $"Sorry, {command} is for moderators: it needs the Manage Server permission or a moderator role in this server.";

    public const string NotInstalledHere = "ChatBrief is not installed in this server or conversation, so its answers here are shown only to you.";

    public const string NoTextToAsk = "That message has no text to ask about.";

    public const string UnknownCommand = "Sorry, I do not know that command any more. Try /help to see what I can do.";

    public const string Unsupported = "Sorry, I cannot handle that kind of interaction.";

    public const string IndexNotReady = "I am still reading the documents for the first time. Please ask again in a minute.";

    /// <summary>What to tell the user when answering failed: a first index build is worth waiting for, anything else is our fault.</summary>
    public static string ForFailure(Exception exception) => exception is IndexNotReadyException ? IndexNotReady : SomethingWentWrong;
}
