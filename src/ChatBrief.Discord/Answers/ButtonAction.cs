using System.Globalization;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Discord.Formatting;

namespace ChatBrief.Discord.Answers;

/// <summary>
/// What a button does, carried entirely in its custom_id so that buttons keep working after a restart: the process
/// keeps no state about the messages it sent. The question itself travels in the message (see <see cref="QuestionTitle"/>).
/// The version prefix lets a future format recognise old buttons and say they expired instead of misreading them.
/// </summary>
internal abstract record ButtonAction
{
    private const string Prefix = "cb1";

    /// <summary>The custom_id, or null when it would exceed Discord's 100 characters (the button is then left out).</summary>
    public abstract string? ToCustomId();

    public static ButtonAction? Parse(string? customId)
    {
        var parts = customId?.Split(':', 5) ?? [];
        if (parts.Length < 3 || parts[0] != Prefix || !TryParseCount(parts[2], out var skip))
        {
            return null;
        }

        return parts switch
        {
            [_, "page", _] => new ShowPage(skip),
            [_, "up" or "down", _, var answerId] when IsAnswerId(answerId) => new Rate(parts[1] == "up" ? Vote.Up : Vote.Down, answerId),
            [_, "why", _, var answerId] when IsAnswerId(answerId) => new ExplainDownVote(answerId),
            [_, "post", _] => new PostToChannel(),
            [_, "ctx", _, var passage, var source] when TryParsePassage(passage, out var number, out var fingerprint) && source.Length > 0 =>
                new ShowContext(skip, new PassageReference(source, number, Fingerprint: fingerprint)),
            _ => null,
        };
    }

    protected static string? Checked(string customId) => customId.Length <= MessageLimits.CustomId ? customId : null;

    /// <summary>"3~1a2b3c4d": a paragraph number and the fingerprint of its text; buttons made before fingerprints carry only "3".</summary>
    private static bool TryParsePassage(string text, out int number, out string? fingerprint)
    {
        var parts = text.Split('~', 2);
        fingerprint = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
        return TryParseCount(parts[0], out number) && number > 0 && (parts.Length == 1 || fingerprint is not null);
    }

    private static bool IsAnswerId(string text) => text.Length is > 0 and <= 32 && text.All(char.IsAsciiLetterOrDigit);

    private static bool TryParseCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value < 10_000;

    /// <summary>Show the answer's results starting after <paramref name="Skip"/> of them.</summary>
    public sealed record ShowPage(int Skip) : ButtonAction
    {
        public override string? ToCustomId() => Checked(FormattableString.Invariant($"{Prefix}:page:{Skip}"));
    }

    /// <summary>Post the answer of a private reply to the channel, for everyone to see.</summary>
    public sealed record PostToChannel : ButtonAction
    {
        public override string? ToCustomId() => $"{Prefix}:post:0";
    }

    /// <summary>Show the paragraphs around a passage; <paramref name="Skip"/> is the page to go back to.</summary>
    public sealed record ShowContext(int Skip, PassageReference Passage) : ButtonAction
    {
        public override string? ToCustomId() => Checked(FormattableString.Invariant(
            $"{Prefix}:ctx:{Skip}:{Passage.Passage}{(Passage.Fingerprint is null ? "" : "~" + Passage.Fingerprint)}:{Passage.Source}"));
    }

    /// <summary>👍 or 👎 on the logged answer <paramref name="AnswerId"/>.</summary>
    public sealed record Rate(Vote Vote, string AnswerId) : ButtonAction
    {
        public override string? ToCustomId() => Checked($"{Prefix}:{(Vote == Vote.Up ? "up" : "down")}:0:{AnswerId}");
    }

    /// <summary>The form that asks why a 👎 was given (a modal's custom_id, not a button's).</summary>
    public sealed record ExplainDownVote(string AnswerId) : ButtonAction
    {
        public override string? ToCustomId() => Checked($"{Prefix}:why:0:{AnswerId}");
    }
}
