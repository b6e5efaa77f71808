using ChatBrief.Core.Indexing;

namespace ChatBrief.Cli;

/// <summary>Tells the user what an index build did: the files it skipped and the notes about files it read.</summary>
internal static class IndexReportPrinter
{
    /// <summary>The full summary of <c>index</c>.</summary>
    public static void PrintSummary(TextWriter writer, IndexBuildReport report)
    {
        var kind = report.FullRebuild ? "Rebuilt" : "Updated";
        var why = report.RebuildReason is null ? "" : $" ({report.RebuildReason})";
        writer.WriteLine($"{kind} the index{why} in {report.Elapsed.TotalSeconds:0.0} s.");
        writer.WriteLine($"Documents: {report.Documents}, passages: {report.Passages}.");
        if (report.EmbeddingRate is { } rate)
        {
            writer.WriteLine($"Embedded {report.Embedded:N0} passages in {report.EmbeddingTime.TotalSeconds:0.0} s ({rate:0.0} passages/s).");
        }

        writer.WriteLine($"Sources: {report.Added} added, {report.Updated} updated, {report.Removed} removed, {report.Unchanged} unchanged, {report.Skipped.Count} skipped.");
        PrintFiles(writer, report);
    }

    /// <summary>A build that a command did on the way to its own work (the index was missing or unreadable).</summary>
    public static void PrintBuiltOnTheWay(TextWriter writer, string sourcesPath, IndexBuildReport report)
    {
        writer.WriteLine($"Built the index from {sourcesPath} ({report.RebuildReason}): {report.Documents} documents, {report.Passages} passages in {report.Elapsed.TotalSeconds:0.0} s.");
        PrintFiles(writer, report);
    }

    private static void PrintFiles(TextWriter writer, IndexBuildReport report)
    {
        foreach (var skipped in report.Skipped)
        {
            writer.WriteLine($"  skipped {skipped.Path}: {skipped.Reason}");
        }

        foreach (var note in report.Notes)
        {
            writer.WriteLine($"  note on {note.Source}: {note.Note}");
        }
    }
}
