using System.ComponentModel.DataAnnotations;

namespace ChatBrief.Core;

/// <summary>The <c>Sources</c> settings: where the team's documents live.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    /// <summary>The sources folder, resolved against the current directory.</summary>
    [Required]
    public string Path { get; set; } = "seeds";

    /// <summary>Files larger than this are skipped (and reported) rather than read into memory; JSONL corpora are streamed and exempt.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Used when <see cref="AllowedUploadExtensions"/> is empty: the types the parsers read.</summary>
    public static readonly IReadOnlyList<string> DefaultUploadExtensions = [".txt", ".md", ".markdown", ".jsonl", ".html", ".htm", ".pdf"];

    /// <summary>File types moderators may add from chat (with the dot, any case); empty means <see cref="DefaultUploadExtensions"/>.</summary>
    public List<string> AllowedUploadExtensions { get; set; } = [];

    /// <summary>The largest file moderators may add from chat; far below what chat platforms allow, since it is read whole.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    public IReadOnlyList<string> EffectiveUploadExtensions => AllowedUploadExtensions.Count > 0
        ? AllowedUploadExtensions.Select(e => e.Trim().StartsWith('.') ? e.Trim() : "." + e.Trim()).ToList()
        : DefaultUploadExtensions;
    /// <summary>PDFs with more pages than this are skipped (and reported): layout analysis costs time per page, and a huge scan is rarely prose.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPdfPages { get; set; } = 500;
}

/// <summary>The <c>Index</c> settings.</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>The Lucene index folder, resolved against the current directory.</summary>
    [Required]
    public string Path { get; set; } = "index";
}

/// <summary>The <c>Search</c> settings.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How many passages an answer quotes by default.</summary>
    [Range(1, 50)]
    public int Top { get; set; } = 3;

    /// <summary>Longer questions are cut (at a word boundary) to this many characters, and the answer says so.</summary>
    [Range(20, 10_000)]
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>A ranking model written by <c>train-ranker</c>, resolved against the current directory; empty uses the built-in one.</summary>
    public string RankingModel { get; set; } = "";

    /// <summary>
    /// The semantic layer: passages are embedded when indexed and questions when asked, so that candidates are also
    /// found and ranked by meaning. Off, answers come from the lexical index alone and nothing is embedded.
    /// </summary>
    public bool Semantic { get; set; } = true;

    /// <summary>Adds each question's text to its answer log line; off by default, because questions may be private.</summary>
    public bool LogQuestionText { get; set; }
}

/// <summary>The <c>Limits</c> settings: how much one person, and everyone together, may ask of the host.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Questions (and "More results" presses) one person may ask per minute, with a burst of as many at once.</summary>
    [Range(1, 1000)]
    public int QuestionsPerMinute { get; set; } = 10;

    /// <summary>Requests the HTTP doors handle at once; more wait in the queue, and beyond it are refused with 503.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Requests that may wait for a free slot. Kept small: Discord gives up after 3 seconds, so a fast 503 beats a long wait.</summary>
    [Range(0, 10_000)]
    public int QueueLength { get; set; } = 16;

    /// <summary>A door request still unanswered after this many seconds is cancelled (answers take well under a second).</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 10;
}
