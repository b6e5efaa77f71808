namespace ChatBrief.Tests.Discord.Support;

/// <summary>A temporary copy of the repository's <c>seeds/</c>, so tests index and answer from real documents without touching the repository.</summary>
internal sealed class SeedsFolder : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "chatbrief-discord-" + Guid.NewGuid().ToString("N"));

    public SeedsFolder()
    {
        Directory.CreateDirectory(Sources);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "seeds")))
        {
            File.Copy(file, Path.Combine(Sources, Path.GetFileName(file)));
        }
    }

    public string Sources => Path.Combine(_root, "seeds");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host is left to the temp folder's own cleanup.
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatBrief.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with ChatBrief.sln) was not found above the test binaries.");
    }
}
