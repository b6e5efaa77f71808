using ChatBrief.Core.Sources.Parsers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBrief.Core.Sources;

/// <summary>Registers source reading. New formats (HTML, PDF) are added as further <see cref="IDocumentParser"/> registrations.</summary>
public static class SourceIngestServiceCollectionExtensions
{
    public static IServiceCollection AddSourceIngest(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PlainTextParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, MarkdownParser>());
        services.TryAddSingleton<ISourceReader, SourceReader>();
        return services;
    }
}
