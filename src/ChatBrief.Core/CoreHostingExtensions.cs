using ChatBrief.Core.Analysis;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Moderation;
using ChatBrief.Core.Configuration;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Indexing;
using ChatBrief.Core.Search;
using ChatBrief.Core.Semantic;
using ChatBrief.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core;

/// <summary>Registers the core pipeline (sources, index, search, answers) that every door shares.</summary>
public static class CoreHostingExtensions
{
    public static IHostApplicationBuilder AddChatBriefCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddChatBriefCore();
        return builder;
    }

    public static IServiceCollection AddChatBriefCore(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>().BindSettings(SourcesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().BindSettings(IndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndexOptions>, IndexPathValidation>());
        services.AddOptions<SearchOptions>().BindSettings(SearchOptions.Section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.RankingModel) || File.Exists(Path.GetFullPath(o.RankingModel)), "Search:RankingModel names a file that does not exist; train one with 'chatbrief train-ranker' or leave it empty for the built-in model.")
            .ValidateOnStart();

        services.AddOptions<LimitsOptions>().BindSettings(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSourceIngest();
        services.AddSingleton<IDocumentParser, JsonlCorpusParser>();
        services.AddSingleton<IPassageEmbedder, ArcticXsEmbedder>();
        services.AddSingleton(sp => new IndexManager(
            sp.GetRequiredService<ISourceReader>(),
            sp.GetRequiredService<IOptions<SourcesOptions>>(),
            sp.GetRequiredService<IOptions<IndexOptions>>(),
            sp.GetRequiredService<ILogger<IndexManager>>(),
            sp.GetRequiredService<TimeProvider>(),
            SemanticEmbedder(sp)));
        services.AddSingleton<IIndexManager>(sp => sp.GetRequiredService<IndexManager>());
        services.AddModeration();
        services.AddSingleton(sp => RankingModels.FromOptions(sp.GetRequiredService<IOptions<SearchOptions>>().Value));
        services.AddSingleton<AnswerService>();
        services.AddSingleton<IAnswerService>(sp => sp.GetRequiredService<AnswerService>());
        services.AddSingleton<QuestionRateLimiter>();
        services.AddFeedback();
        return services;
    }

    /// <summary>What moderators change from chat (sources, aliases) and the audit trail of it.</summary>
    private static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddHttpClient(SourceDownloader.HttpClientName, http => http.Timeout = SourceDownloader.Timeout)
            // The download address came in a chat message and its host was checked; a redirect could lead anywhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<SourceLibrary>();
        services.AddSingleton<SourceDownloader>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AliasFile>();
        services.AddSingleton<SourceModeration>();
        services.AddSingleton<AliasModeration>();
        return services;
    }

    /// <summary>The embedding model when <see cref="SearchOptions.Semantic"/> is on, else null (nothing is loaded).</summary>
    public static IPassageEmbedder? SemanticEmbedder(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SearchOptions>>().Value.Semantic ? services.GetRequiredService<IPassageEmbedder>() : null;

    /// <summary>
    /// For long-running hosts: opens (or builds) the index at start, so the first question does not wait for it, and
    /// publishes commits written by other processes in the background.
    /// </summary>
    public static IServiceCollection AddIndexBackgroundServices(this IServiceCollection services) => services
        .AddHostedService<IndexWarmupService>()
        .AddHostedService<IndexRefreshService>();
}
