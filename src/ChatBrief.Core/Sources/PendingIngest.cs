// TEMPORARY until the ingest branch merges: the agreed ISourceReader contract and a minimal reader.
using System.Security.Cryptography;
using ChatBrief.Core.Indexing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Sources;

public interface ISourceReader
{
    IReadOnlyList<SourceFile> Discover(string folder);

    SourceReadResult Read(SourceFile file);
}

public sealed record SourceReadResult(IReadOnlyList<SourceDocument> Documents, string? SkipReason, IReadOnlyList<string> Notes);

public sealed class SourceReader(IEnumerable<IDocumentParser> parsers) : ISourceReader
{
    public IReadOnlyList<SourceFile> Discover(string folder)
    {
        if (!Directory.Exists(folder)) throw new SourcesUnavailableException($"The sources folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => new SourceFile(Path.GetFullPath(f), Path.GetRelativePath(folder, f).Replace('\\', '/'), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), new FileInfo(f).Length))
            .OrderBy(f => f.Source, StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new SourcesUnavailableException($"The sources folder '{folder}' is empty.");
    }

    public SourceReadResult Read(SourceFile file)
    {
        var parser = parsers.FirstOrDefault(p => p.Extensions.Contains(Path.GetExtension(file.Source).ToLowerInvariant()));
        if (parser is null) return new([], "unsupported", []);
        try
        {
            using var stream = File.OpenRead(file.FullPath);
            return new(parser.Parse(file, stream), null, []);
        }
        catch (InvalidSourceException e)
        {
            return new([], e.Message, []);
        }
    }
}

public sealed class PlainTextParser : IDocumentParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public IReadOnlyList<SourceDocument> Parse(SourceFile file, Stream content)
    {
        var text = new StreamReader(content).ReadToEnd();
        var paragraphs = text.Split("\n\n").Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(p => p.Length > 0).Select((p, i) => new Paragraph(i + 1, p)).ToList();
        return [new SourceDocument(file.Source, new DocumentMetadata(file.Source), paragraphs)];
    }
}

public static class PendingIngestRegistration
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddSourceIngest(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<ISourceReader, SourceReader>(services);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IDocumentParser, PlainTextParser>(services);
        return services;
    }
}
