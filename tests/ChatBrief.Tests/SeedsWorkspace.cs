namespace ChatBrief.Tests;

/// <summary>A temporary folder holding a copy of the repository's <c>seeds/</c> and room for an index; deleted on dispose.</summary>
public sealed class SeedsWorkspace : IDisposable
{
    /// <summary>
    /// The seeds' index, built once per test run by the real executable: embedding the seeds took about 6 seconds of
    /// every test that needed an index, and only the tests about building one need to pay it.
    /// </summary>
    private static readonly Lazy<Task<SeedsWorkspace>> BuiltTemplate = new(async () =>
    {
        var template = new SeedsWorkspace("chatbrief-template");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        var built = await Cli.ChatBriefProcess.RunAsync(template.Root, "index");
        return built.ExitCode == 0 ? template : throw new InvalidOperationException("The seeds' index could not be built: " + built.StandardError);
    });

    public SeedsWorkspace(string prefix = "chatbrief")
        : this(prefix, Path.Combine(RepositoryRoot(), "seeds"))
    {
    }

    private SeedsWorkspace(string prefix, string? sourcesToCopy)
    {
        Root = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(SourcesPath);
        foreach (var file in sourcesToCopy is null ? [] : Directory.EnumerateFiles(sourcesToCopy))
        {
            File.Copy(file, Path.Combine(SourcesPath, Path.GetFileName(file)));
        }
    }

    /// <summary>A workspace whose index is already built, as after a first <c>chatbrief index</c>.</summary>
    public static async Task<SeedsWorkspace> WithIndexAsync(string prefix) => (await BuiltTemplate.Value).CopyWithIndex(prefix);

    /// <summary>
    /// A workspace holding <paramref name="sources"/> (file name to text) instead of the seeds, indexed by the real
    /// executable with the given settings (environment variables such as <c>Search__Semantic</c>). Hosts should each
    /// serve a <see cref="CopyWithIndex"/> of it, so that none shares an index folder.
    /// </summary>
    public static async Task<SeedsWorkspace> IndexedAsync(string prefix, IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, string> settings)
    {
        var workspace = new SeedsWorkspace(prefix, sourcesToCopy: null);
        foreach (var (name, text) in sources)
        {
            File.WriteAllText(Path.Combine(workspace.SourcesPath, name), text);
        }

        var built = await Cli.ChatBriefProcess.RunAsync(workspace.Root, settings, "index");
        return built.ExitCode == 0 ? workspace : throw new InvalidOperationException("The sources could not be indexed: " + built.StandardError);
    }

    /// <summary>A copy of this workspace's sources and built index.</summary>
    public SeedsWorkspace CopyWithIndex(string prefix)
    {
        var copy = new SeedsWorkspace(prefix, SourcesPath);
        Directory.CreateDirectory(copy.IndexPath);
        foreach (var file in Directory.EnumerateFiles(IndexPath))
        {
            File.Copy(file, Path.Combine(copy.IndexPath, Path.GetFileName(file)));
        }

        return copy;
    }

    public string Root { get; }

    public string SourcesPath => Path.Combine(Root, "seeds");

    public string IndexPath => Path.Combine(Root, "index");

    /// <summary>The folder holding ChatBrief.sln, found from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatBrief.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ChatBrief.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is shutting down; the OS cleans its temp folder.
        }
    }
}
