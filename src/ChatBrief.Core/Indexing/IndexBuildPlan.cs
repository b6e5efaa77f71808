using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Indexing;

/// <summary>What a build must do to bring the last commit up to date with the sources folder.</summary>
/// <param name="Files">Every source file found, in order, with what it needs.</param>
/// <param name="Removed">Indexed sources whose file is gone.</param>
internal sealed record IndexBuildPlan(IReadOnlyList<PlannedSource> Files, IReadOnlyList<string> Removed)
{
    /// <param name="found">The files of the sources folder.</param>
    /// <param name="indexed">The content hash of every source in the last commit (empty for a full rebuild).</param>
    public static IndexBuildPlan Create(IReadOnlyList<SourceFile> found, IReadOnlyDictionary<string, string> indexed)
    {
        var files = found.Select(file => new PlannedSource(file, indexed.TryGetValue(file.Source, out var hash)
            ? hash == file.ContentHash ? SourceChange.Unchanged : SourceChange.Changed
            : SourceChange.New)).ToList();
        var present = found.Select(f => f.Source).ToHashSet(StringComparer.Ordinal);
        var removed = indexed.Keys.Where(source => !present.Contains(source)).Order(StringComparer.Ordinal).ToList();
        return new IndexBuildPlan(files, removed);
    }
}

/// <summary>One source file and how it differs from the last commit.</summary>
internal sealed record PlannedSource(SourceFile File, SourceChange Change);

internal enum SourceChange
{
    New,
    Changed,
    Unchanged,
}
