using ChatBrief.Core.Indexing;
using ChatBrief.Core.Semantic;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Evaluation;

/// <summary>
/// A throw-away index of one corpus file for <c>eval --corpus</c>: the file is linked (not copied) into a temporary sources
/// folder, indexed into a temporary index folder, and both are deleted on dispose, so <c>index/</c> is never touched.
/// </summary>
public sealed class CorpusWorkspace : IDisposable
{
    private readonly string _root;

    private CorpusWorkspace(string root, IndexManager index)
    {
        _root = root;
        Index = index;
    }

    public IndexManager Index { get; }

    public static CorpusWorkspace Create(string corpusFile, ISourceReader reader, ILoggerFactory loggers, TimeProvider clock, IPassageEmbedder? embedder)
    {
        var corpus = Path.GetFullPath(corpusFile);
        if (!File.Exists(corpus))
        {
            throw new SourcesUnavailableException($"The corpus file '{corpusFile}' does not exist.");
        }

        var root = Path.Combine(Path.GetTempPath(), $"chatbrief-eval-{Guid.NewGuid():N}");
        var sources = Path.Combine(root, "sources");
        System.IO.Directory.CreateDirectory(sources);
        File.CreateSymbolicLink(Path.Combine(sources, Path.GetFileName(corpus)), corpus);
        var index = new IndexManager(
            reader,
            Options.Create(new SourcesOptions { Path = sources }),
            Options.Create(new IndexOptions { Path = Path.Combine(root, "index") }),
            loggers.CreateLogger<IndexManager>(),
            clock,
            embedder);
        return new CorpusWorkspace(root, index);
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the OS cleans its temp folder.
        }
    }
}
