namespace ChatBrief.Core.Indexing;

/// <summary>Owns the index: what it holds and rebuilding it from the sources while searches go on.</summary>
public interface IIndexManager
{
    /// <summary>What the open index holds; <see cref="IndexStatus.IsReady"/> is false until it can be searched.</summary>
    IndexStatus GetStatus();

    /// <summary>The documents in the index, sorted by source path.</summary>
    IReadOnlyList<SourceSummary> ListSources();

    /// <summary>
    /// Brings the index up to date with the sources: only changed sources are re-read unless <paramref name="full"/>.
    /// Searches keep using the previous index until the new one is committed; a failure leaves the previous index serving.
    /// </summary>
    /// <exception cref="IndexBuildInProgressException">Another rebuild is running.</exception>
    /// <exception cref="SourcesUnavailableException">The sources folder is missing or holds no readable source.</exception>
    Task<IndexBuildReport> RebuildAsync(bool full, IProgress<IndexBuildProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-reads the moderators' aliases file into the index being served, so that an alias change applies to the next
    /// question without a reindex. Does nothing while no index is open (the first build reads the file itself).
    /// </summary>
    Task RefreshAliasesAsync(CancellationToken cancellationToken = default);
}

/// <summary>What the open index holds.</summary>
public sealed record IndexStatus(bool IsReady, int Documents, int Passages, DateTimeOffset? BuiltAt)
{
    /// <summary>The embedding model of the semantic layer, or null when it is off.</summary>
    public string? SemanticModel { get; init; }

    /// <summary>Passages that have a vector and so can be found by meaning.</summary>
    public int PassagesWithVectors { get; init; }

    /// <summary>A build is running: the first one, a rebuild of a broken index, or a moderator's reindex.</summary>
    public bool Building => BuildProgress is not null;

    /// <summary>How far the running build has got, or null when none runs.</summary>
    public IndexBuildProgress? BuildProgress { get; init; }
}

/// <summary>One document of the index.</summary>
public sealed record SourceSummary(string Source, string Title, string? Author, int Passages);

/// <summary>How far a rebuild has got: sources read, and passages embedded for the semantic layer.</summary>
public sealed record IndexBuildProgress(int Done, int Total, string? Current)
{
    public int Embedded { get; init; }

    public int ToEmbed { get; init; }
}

/// <summary>What a rebuild did.</summary>
public sealed record IndexBuildReport(
    int Documents,
    int Passages,
    int Added,
    int Updated,
    int Removed,
    int Unchanged,
    IReadOnlyList<SkippedSource> Skipped,
    bool FullRebuild,
    string? RebuildReason,
    TimeSpan Elapsed)
{
    /// <summary>Notes about the files this build read, in the order they were read.</summary>
    public IReadOnlyList<SourceNote> Notes { get; init; } = [];

    /// <summary>Passages embedded by this build (unchanged passages keep their vectors).</summary>
    public int Embedded { get; init; }

    /// <summary>Passages committed without a vector, being embedded in the background (a long-running host only).</summary>
    public int EmbeddingLater { get; init; }

    /// <summary>Time spent embedding: the dominant cost of a build with the semantic layer on.</summary>
    public TimeSpan EmbeddingTime { get; init; }

    /// <summary>Passages embedded a second, or null when nothing was embedded.</summary>
    public double? EmbeddingRate => Embedded == 0 || EmbeddingTime <= TimeSpan.Zero ? null : Embedded / EmbeddingTime.TotalSeconds;
}

/// <summary>A file of the sources folder that was not indexed, and why.</summary>
public sealed record SkippedSource(string Path, string Reason);

/// <summary>Something worth knowing about a file that was indexed, such as an encoding guess or an ignored sidecar.</summary>
public sealed record SourceNote(string Source, string Note);

/// <summary>Thrown when a rebuild is asked for while one is running.</summary>
public sealed class IndexBuildInProgressException(IndexBuildProgress? progress = null)
    : InvalidOperationException($"A reindex is already running{Describe(progress)}; try again when it has finished.")
{
    private static string Describe(IndexBuildProgress? progress) => progress switch
    {
        null => "",
        { ToEmbed: > 0 } => $" ({progress.Done} of {progress.Total} sources read, embedding {progress.Embedded} of {progress.ToEmbed} passages of {progress.Current})",
        _ => $" ({progress.Done} of {progress.Total} sources read)",
    };
}

/// <summary>Thrown when the sources folder is missing or holds nothing that can be indexed.</summary>
public sealed class SourcesUnavailableException(string message) : InvalidOperationException(message);
