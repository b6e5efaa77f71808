using ChatBrief.Core.Configuration;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Gateway;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatBrief.Discord;

/// <summary>Wires the Discord door into the host.</summary>
public static class DiscordHostingExtensions
{
    /// <summary>
    /// Registers the Discord door. Nothing here fails on incomplete settings: the endpoint and the gateway each check
    /// their own settings when they start, and switch themselves off with one log line naming what is missing.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindSettings(DiscordOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DiscordTimings());

        services.AddSingleton<RateLimitBuckets>();
        services.AddTransient<RateLimitHandler>();
        var rest = services.AddHttpClient<IDiscordRestClient, DiscordRestClient>((provider, http) =>
        {
            var baseUrl = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl;
            http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", DiscordRestClient.UserAgent);
        });

        // The client lives in singletons for the host's lifetime, so connections are recycled by the handler itself
        // (picking up DNS changes) rather than by the factory's handler rotation, which singletons never see.
        rest.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Handlers run in the order added: the retry is outside the rate limiter, so every retry queues for its bucket.
        rest.AddResilienceHandler("discord-rest", (pipeline, context) => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = DiscordRetryPolicy.MaxRetries,
                Delay = context.ServiceProvider.GetRequiredService<DiscordTimings>().RestRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = arguments => ValueTask.FromResult(DiscordRetryPolicy.ShouldRetry(arguments.Outcome, arguments.Context.GetRequestMessage()?.Method)),
                DelayGenerator = arguments => ValueTask.FromResult(DiscordRetryPolicy.DelayFor(arguments.Outcome)),
            }));
        rest.AddHttpMessageHandler<RateLimitHandler>();

        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundWork>());

        services.AddSingleton<AnswerMessageBuilder>();
        services.AddSingleton<ContextMessageBuilder>();
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<DeadlineResponder>();
        services.AddSingleton<ModeratorPolicy>();
        services.AddSingleton<ReindexJob>();
        services.AddSingleton<ISlashCommand, AskCommand>();
        services.AddSingleton<ISlashCommand, SourcesCommand>();
        services.AddSingleton<ISlashCommand, StatusCommand>();
        services.AddSingleton<ISlashCommand, HelpCommand>();
        services.AddSingleton<ISlashCommand, ReindexCommand>();
        services.AddSingleton<SourceChangeJob>();
        services.AddSingleton<ISlashCommand, SourceCommand>();
        services.AddSingleton<ISlashCommand, AliasCommand>();
        services.AddSingleton<ISlashCommand, AuditCommand>();
        services.AddSingleton<ISlashCommand, GapsCommand>();
        services.AddSingleton<ISlashCommand, AskAboutMessageCommand>();
        services.AddSingleton<IDiscordCommandRegistrar, CommandRegistrar>();
        services.AddSingleton<FeedbackHandler>();
        services.AddSingleton<ComponentHandler>();
        services.AddSingleton<AutocompleteHandler>();
        services.AddSingleton<InteractionDispatcher>();

        services.TryAddSingleton<IGatewayTransport, WebSocketGatewayTransport>();
        services.AddSingleton<IdentifyGate>();
        services.AddSingleton<MentionResponder>();
        services.AddSingleton<GatewayConnectionRunner>();
        services.AddHostedService<GatewayClient>();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /discord/interactions</c> when its settings are complete; otherwise logs the one line that names the
    /// missing setting and maps nothing (the gateway, which needs the same settings, then stays off without a line of its own).
    /// </summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionsEndpoint));
        if (DiscordSettings.ProblemForInteractions(options) is { } problem)
        {
            logger.LogWarning("Discord door not started: {Problem}", problem);
            return endpoints;
        }

        var verifier = new InteractionSignatureVerifier(options.PublicKey!, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<DiscordTimings>().MaxSignatureAge);
        var endpoint = new InteractionsEndpoint(verifier, services.GetRequiredService<InteractionDispatcher>(), services.GetRequiredService<ILogger<InteractionsEndpoint>>());
        endpoints.MapPost(InteractionsEndpoint.Route, endpoint.HandleAsync);
        return endpoints;
    }
}
