using System.Globalization;
using System.Threading.RateLimiting;
using ChatBrief.Core;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatBrief.Hosting;

/// <summary>
/// What the HTTP doors may take in together: at most <see cref="LimitsOptions.MaxConcurrentRequests"/> door requests at
/// once with a short queue, beyond which a request is refused at once with 503 and <c>Retry-After</c> (Discord gives up
/// after 3 seconds, so a fast refusal beats an unbounded wait); a time limit per door request; and small bodies on
/// every endpoint. Health endpoints are left out of the concurrency and time limits so that a busy host still says
/// it is alive.
/// </summary>
public static class DoorLimits
{
    private const string Policy = "doors";

    /// <summary>Told to a shed client: a door request takes well under a second, so a slot is free again almost at once.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Kestrel's limit for every request body. Discord interactions and Teams activities are small JSON documents; each
    /// door also enforces its own 256 KiB (answering 413), which needs one byte more than that to be able to tell.
    /// </summary>
    public const long MaxRequestBodyBytes = 256 * 1024 + 1;

    /// <summary>
    /// How long stopping waits for work in flight (answers being composed, Teams turns queued, a reindex rolling back)
    /// before the host gives up: longer than a door request may take, well under systemd's 90 s before it kills.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    public static WebApplicationBuilder AddDoorLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // Headers arrive at once from Discord's and Microsoft's servers; only a slow client drip-feeds them.
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        builder.Services.AddRateLimiter(rate =>
        {
            rate.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            rate.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((rate, limits) =>
            rate.AddConcurrencyLimiter(Policy, concurrency =>
            {
                concurrency.PermitLimit = limits.Value.MaxConcurrentRequests;
                concurrency.QueueLimit = limits.Value.QueueLength;
                concurrency.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            }));

        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitsOptions>>((timeouts, limits) =>
            timeouts.AddPolicy(Policy, TimeSpan.FromSeconds(limits.Value.RequestTimeoutSeconds)));
        return builder;
    }

    /// <summary>Adds the middleware; the time limit goes first so that a request waiting in the queue counts against it too.</summary>
    public static WebApplication UseDoorLimits(this WebApplication app)
    {
        app.UseRequestTimeouts();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>A group for the door endpoints: everything mapped in it is under the concurrency and time limits.</summary>
    public static RouteGroupBuilder MapDoorGroup(this IEndpointRouteBuilder endpoints)
    {
        var doors = endpoints.MapGroup("");
        doors.RequireRateLimiting(Policy).WithRequestTimeout(Policy);
        return doors;
    }
}
