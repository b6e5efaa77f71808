using System.Collections.Concurrent;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Sources;

namespace ChatBrief.Cli;

/// <summary>A note about a source file that was read, such as an encoding guess or an ignored sidecar.</summary>
internal sealed record SourceNote(string Source, string Note);

/// <summary>
/// Keeps the notes the source reader gives about the files it reads, for the index summary. The index build report
/// does not carry them (<see cref="IndexBuildReport"/>), so the command line listens at the reader instead.
/// </summary>
internal sealed class SourceNoteRecorder(ISourceReader reader) : ISourceReader
{
    private readonly ConcurrentQueue<SourceNote> notes = new();

    /// <summary>Notes of the files read so far, in the order they were read.</summary>
    public IReadOnlyList<SourceNote> Notes => [.. notes];

    /// <summary>Puts a recorder in front of the registered source reader.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<SourceReader>();
        services.AddSingleton(sp => new SourceNoteRecorder(sp.GetRequiredService<SourceReader>()));
        services.AddSingleton<ISourceReader>(sp => sp.GetRequiredService<SourceNoteRecorder>());
    }

    public IReadOnlyList<SourceFile> Discover(string folder) => reader.Discover(folder);

    public SourceReadResult Read(SourceFile file)
    {
        var result = reader.Read(file);
        // A skipped file's reason already says all that matters about it.
        if (!result.IsSkipped)
        {
            foreach (var note in result.Notes)
            {
                notes.Enqueue(new SourceNote(file.Source, note));
            }
        }

        return result;
    }
}
