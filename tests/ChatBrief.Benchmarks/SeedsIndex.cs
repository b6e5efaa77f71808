using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBrief.Benchmarks;

/// <summary>
/// The repository's seeds, indexed with the semantic layer on and wired as the host wires the core. The index lives in
/// one temporary folder that every benchmark process reuses: BenchmarkDotNet runs each benchmark in a process of its
/// own, and embedding the seeds again each time would be most of the run.
/// </summary>
public sealed class SeedsIndex : IDisposable
{
    /// <summary>The question every benchmark works on: a seeds question with a clear answer and a speaker rule.</summary>
    public const string Question = "What did Iwaya say about the F-35A?";

    private readonly ServiceProvider _services;

    private SeedsIndex(ServiceProvider services) => _services = services;

    public IndexManager Index => _services.GetRequiredService<IndexManager>();

    public IAnswerService Answers => _services.GetRequiredService<IAnswerService>();

    public RankingModels Ranking => _services.GetRequiredService<RankingModels>();

    public static SeedsIndex Open()
    {
        var root = Path.Combine(Path.GetTempPath(), "chatbrief-benchmarks");
        var sources = Path.Combine(root, "sources");
        CopyMissing(Path.Combine(RepositoryRoot(), "seeds"), sources);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sources:Path"] = sources,
                ["Index:Path"] = Path.Combine(root, "index"),
                ["Data:Enabled"] = "false",
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddChatBriefCore()
            .BuildServiceProvider();
        var seeds = new SeedsIndex(services);
        seeds.Index.EnsureReadyAsync().GetAwaiter().GetResult();
        return seeds;
    }

    public void Dispose() => _services.Dispose();

    /// <summary>Found from the build output upwards, wherever BenchmarkDotNet put the process it runs.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatBrief.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ChatBrief.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Copies only the files not there yet, so that the index of an earlier process stays up to date.</summary>
    private static void CopyMissing(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
