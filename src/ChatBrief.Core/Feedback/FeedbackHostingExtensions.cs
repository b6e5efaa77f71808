using ChatBrief.Core.Answers;
using ChatBrief.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBrief.Core.Feedback;

/// <summary>Registers the feedback and question log, and the gap report over it.</summary>
public static class FeedbackHostingExtensions
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>().BindSettings(DataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.AddSingleton<FeedbackLog>();
        services.AddSingleton(sp => new GapFinder(sp.GetRequiredService<IAnswerService>(), CoreHostingExtensions.SemanticEmbedder(sp)));
        return services;
    }

    /// <summary>For long-running hosts: the background writer that empties the log's queue into the store.</summary>
    public static IServiceCollection AddFeedbackWriter(this IServiceCollection services) =>
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackLog>());
}
