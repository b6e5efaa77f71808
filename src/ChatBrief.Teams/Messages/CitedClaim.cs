namespace ChatBrief.Teams.Messages;

/// <summary>
/// A sentence an answer quotes in the message text, followed by its <c>[n]</c> marker, and what Teams' citation pop-up
/// shows for that marker. Every field is literal text from the sources.
/// </summary>
/// <param name="Quote">The quoted sentence: in the message text in full, and in the pop-up as its abstract.</param>
/// <param name="Name">The source's title and author.</param>
/// <param name="Keywords">Where the quote is: the source file, its page and paragraph.</param>
internal sealed record CitedClaim(string Quote, string Name, IReadOnlyList<string> Keywords, string? Url = null);
