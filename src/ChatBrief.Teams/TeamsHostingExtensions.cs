using ChatBrief.Core.Configuration;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.Connector;
using ChatBrief.Teams.Conversation;
using ChatBrief.Teams.MessageExtension;
using ChatBrief.Teams.Messages;
using ChatBrief.Teams.Processing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatBrief.Teams;

/// <summary>Wires the Teams door into the host.</summary>
public static class TeamsHostingExtensions
{
    public const string Route = "/api/messages";

    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TeamsOptions>().BindSettings(TeamsOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => TeamsDoorSettings.Resolve(sp.GetRequiredService<IOptions<TeamsOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));

        services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<ISigningKeySource, BotFrameworkSigningKeys>();
        services.AddSingleton<IChannelTokenValidator, ChannelTokenValidator>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ActivityDeduplicator>();
        services.AddSingleton<TurnQueue>();
        services.AddSingleton<ActivityEndpoint>();
        services.AddSingleton<SearchExtensionResponder>();

        services.AddHttpClient(MsalBotTokenProvider.HttpClientName).AddResilienceHandler("teams-token", AddRetries);
        services.AddHttpClient(BotConnectorClient.HttpClientName).AddResilienceHandler("teams-connector", AddRetries);
        services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.AddSingleton<IBotConnector, BotConnectorClient>();
        services.AddSingleton<OutgoingActivityFactory>();
        services.AddSingleton<TurnReplier>();
        services.AddSingleton<ModeratorPolicy>();
        services.AddSingleton<QuestionResponder>();
        services.AddSingleton<FeedbackResponder>();
        services.AddSingleton<IndexResponder>();
        services.AddSingleton<ModeratorResponder>();
        services.AddSingleton<TurnHandler>();
        services.AddHostedService<TurnWorker>();
        return builder;
    }

    /// <summary>Maps <c>POST /api/messages</c> when the settings are complete; otherwise logs the missing setting once and maps nothing.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatBrief.Teams");
        var door = services.GetRequiredService<TeamsDoorSettings>();
        switch (door.Mode)
        {
            case TeamsDoorMode.Off:
                logger.LogWarning("Teams door not started: {MissingSetting}", door.Problem);
                return endpoints;
            case TeamsDoorMode.AnonymousDevelopment:
                logger.LogWarning("Teams door in anonymous development mode: activities are not authenticated and are accepted from loopback only. Never use this outside local development");
                break;
            default:
                logger.LogInformation("Teams door listening on {Route}", Route);
                break;
        }

        endpoints.MapPost(Route, (HttpContext http, ActivityEndpoint endpoint) => endpoint.HandleAsync(http));
        return endpoints;
    }

    /// <summary>
    /// Teams throttles with 429 and has transient 5xx/412 failures; it asks for exponential backoff with jitter.
    /// POSTs are retried too: a failed connector call did not post the activity.
    /// </summary>
    private static void AddRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result: { } response } => IsTransient((int)response.StatusCode),
                _ => false,
            }),
        }).AddTimeout(TimeSpan.FromSeconds(30));

    private static bool IsTransient(int status) => status is 408 or 412 or 429 or >= 500;
}
