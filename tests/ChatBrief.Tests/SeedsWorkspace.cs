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
    {
        Root = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(SourcesPath);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "seeds")))
        {
            File.Copy(file, Path.Combine(SourcesPath, Path.GetFileName(file)));
        }
    }

    /// <summary>A workspace whose index is already built, as after a first <c>chatbrief index</c>.</summary>
    public static async Task<SeedsWorkspace> WithIndexAsync(string prefix)
    {
        var template = await BuiltTemplate.Value;
        var workspace = new SeedsWorkspace(prefix);
        Directory.CreateDirectory(workspace.IndexPath);
        foreach (var file in Directory.EnumerateFiles(template.IndexPath))
        {
            File.Copy(file, Path.Combine(workspace.IndexPath, Path.GetFileName(file)));
        }

        return workspace;
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
