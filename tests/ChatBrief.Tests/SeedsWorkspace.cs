namespace ChatBrief.Tests;

/// <summary>A temporary folder holding a copy of the repository's <c>seeds/</c> and room for an index; deleted on dispose.</summary>
public sealed class SeedsWorkspace : IDisposable
{
    public SeedsWorkspace(string prefix = "chatbrief")
    {
        Root = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(SourcesPath);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "seeds")))
        {
            File.Copy(file, Path.Combine(SourcesPath, Path.GetFileName(file)));
        }
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
