using System.Text.Json;
using ChatBrief.Core.Indexing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBrief.Hosting;

/// <summary>
/// ASP.NET Core health checks: <c>GET /healthz</c> says the process is alive (always 200 while it serves HTTP);
/// <c>GET /readyz</c> says it can answer (200 once the index is open and warmed, 503 with "rebuilding" or "starting"
/// before). Both bodies describe the index, so an operator sees why a host is not ready.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadinessTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<IndexReadinessCheck>("index", tags: [ReadinessTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteIndexStatusAsync });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag), ResponseWriter = WriteIndexStatusAsync });
        return endpoints;
    }

    private static Task WriteIndexStatusAsync(HttpContext context, HealthReport report)
    {
        var status = context.RequestServices.GetRequiredService<IIndexManager>().GetStatus();
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = Describe(status),
            reindexing = status.IsReady && status.Building,
            documents = status.Documents,
            passages = status.Passages,
            built_at = status.BuiltAt,
            semantic = new { model = status.SemanticModel, passages_with_vectors = status.PassagesWithVectors },
        }));
    }

    private static string Describe(IndexStatus status) => status.IsReady ? "ready" : status.Building ? "rebuilding" : "starting";

    /// <summary>Ready once the index is open: the warm-up service opens it only after the models are loaded.</summary>
    private sealed class IndexReadinessCheck(IIndexManager index) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = index.GetStatus();
            return Task.FromResult(status.IsReady ? HealthCheckResult.Healthy(Describe(status)) : HealthCheckResult.Unhealthy(Describe(status)));
        }
    }
}
