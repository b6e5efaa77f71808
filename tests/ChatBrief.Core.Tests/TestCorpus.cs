using ChatBrief.Core.Answers;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBrief.Core.Tests;

/// <summary>A temporary sources folder and index wired exactly as the host wires them; deleted on dispose.</summary>
public sealed class TestCorpus : IDisposable
{
    /// <summary>
    /// One embedding model for every corpus of the test run: loading it took about a second of each corpus (and of
    /// each <see cref="Restart"/>), and it is stateless, so sharing it changes nothing the tests check. The services
    /// do not dispose of an instance they were given; the process ends with it.
    /// </summary>
    private static readonly ArcticXsEmbedder SharedEmbedder = new();

    private ServiceProvider _services;
    private IReadOnlyDictionary<string, string?> _settings;

    public TestCorpus(params (string Name, string Text)[] files)
        : this(new Dictionary<string, string?>(), files)
    {
    }

    /// <param name="settings">Configuration beyond the folders, such as <c>["Search:Semantic"] = "false"</c>.</param>
    public TestCorpus(IReadOnlyDictionary<string, string?> settings, params (string Name, string Text)[] files)
    {
        _settings = settings;
        Root = Path.Combine(Path.GetTempPath(), $"chatbrief-test-{Guid.NewGuid():N}");
        SourcesPath = Path.Combine(Root, "sources");
        IndexPath = Path.Combine(Root, "index");
        Directory.CreateDirectory(SourcesPath);
        foreach (var (name, text) in files)
        {
            Write(name, text);
        }

        _services = BuildServices();
    }

    /// <summary>Starts over with new services on the same folders, as a restarted process would, optionally with other settings.</summary>
    public void Restart(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? _settings;
        _services.Dispose();
        _services = BuildServices();
    }

    private ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sources:Path"] = SourcesPath,
                ["Index:Path"] = IndexPath,
            })
            .AddInMemoryCollection(_settings)
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddChatBriefCore()
            .AddSingleton<IPassageEmbedder>(SharedEmbedder)
            .BuildServiceProvider();
    }

    public string Root { get; }

    public string SourcesPath { get; }

    public string IndexPath { get; }

    public IndexManager Index => _services.GetRequiredService<IndexManager>();

    public IAnswerService Answers => _services.GetRequiredService<IAnswerService>();

    public IServiceProvider Services => _services;

    public void Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void Write(string name, byte[] content)
    {
        var path = Path.Combine(SourcesPath, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public Task<Answer> AskAsync(string question, int top = 3) => Answers.AskAsync(new AskRequest(question, top));

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One <see cref="TestCorpus"/> shared by the tests of a class, as an xunit class fixture.</summary>
public abstract class CorpusFixture(params (string Name, string Text)[] files) : IDisposable
{
    public TestCorpus Files { get; } = new(files);

    public void Dispose() => Files.Dispose();
}
