namespace ChatBrief.Core.Answers;

/// <summary>The one entry point every door (CLI, Discord, Teams) uses to answer. No door searches on its own.</summary>
public interface IAnswerService
{
    /// <summary>Answers a natural-language question. Never throws for any question text; an empty one is an <see cref="ArgumentException"/>.</summary>
    Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The paragraphs around a passage of a source, found by its content when the reference carries a fingerprint (it
    /// may have moved, or been edited: see <see cref="PassageContext.State"/>), or null when it no longer exists.
    /// </summary>
    Task<PassageContext?> GetContextAsync(PassageReference passage, int radius, CancellationToken cancellationToken = default);

    /// <summary>Completions for a partly typed question: source titles and frequent phrases of the index.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max, CancellationToken cancellationToken = default);
}

/// <summary>A question to answer.</summary>
/// <param name="Question">The user's words, as typed.</param>
/// <param name="Top">How many passages to return.</param>
/// <param name="Skip">How many of the best passages to skip ("more results").</param>
/// <param name="Door">Where the question came from ("cli", "discord", "teams"), for the answer log.</param>
public sealed record AskRequest(string Question, int Top = 3, int Skip = 0, string Door = "cli");

/// <summary>A passage with the paragraphs around it in its source.</summary>
public sealed record PassageContext(string Source, string Title, string? Author, IReadOnlyList<ContextParagraph> Paragraphs)
{
    public PassageState State { get; init; } = PassageState.Unchanged;
}

/// <summary>What became of a passage since it was shown.</summary>
public enum PassageState
{
    /// <summary>The same text at the same place, or no fingerprint to tell.</summary>
    Unchanged,

    /// <summary>The same text, now at another paragraph number.</summary>
    Moved,

    /// <summary>The paragraph at that number now says something else; the context shows what it says now.</summary>
    Edited,
}

/// <summary>One paragraph of a <see cref="PassageContext"/>.</summary>
public sealed record ContextParagraph(int Passage, string Text, bool IsRequested);
