using ChatBrief.Core.Indexing;

namespace ChatBrief.Hosting;

/// <summary>
/// <c>GET /healthz</c>: 200 once the index is open and searchable; 503 with "rebuilding" while a first build or the
/// rebuild of a broken index runs, "starting" before that.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (IIndexManager index) =>
        {
            var status = index.GetStatus();
            var body = new { status = status.IsReady ? "ready" : status.Building ? "rebuilding" : "starting", reindexing = status.IsReady && status.Building, documents = status.Documents, passages = status.Passages, built_at = status.BuiltAt, semantic = new { model = status.SemanticModel, passages_with_vectors = status.PassagesWithVectors } };
            return status.IsReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
