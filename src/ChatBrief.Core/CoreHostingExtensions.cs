using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBrief.Core;

/// <summary>Registers the core pipeline (sources, index, search, answers) that every door shares.</summary>
public static class CoreHostingExtensions
{
    public static IHostApplicationBuilder AddChatBriefCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
