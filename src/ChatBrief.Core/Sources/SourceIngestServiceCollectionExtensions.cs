using ChatBrief.Core.Sources.Parsers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBrief.Core.Sources;

/// <summary>Registers source reading: a reader and one <see cref="IDocumentParser"/> per format.</summary>
public static class SourceIngestServiceCollectionExtensions
{
    public static IServiceCollection AddSourceIngest(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PlainTextParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, MarkdownParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, HtmlParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PdfParser>());
        services.TryAddSingleton<ISourceReader, SourceReader>();
        return services;
    }
}
