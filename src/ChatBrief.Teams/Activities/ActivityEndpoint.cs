using System.Net;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.MessageExtension;
using ChatBrief.Teams.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Teams.Activities;

/// <summary>
/// <c>POST /api/messages</c>: authenticates the activity, queues it and answers 200 at once. Teams retries requests
/// that take 15 seconds, so all the work happens after the response and retries are recognised by activity id. The
/// exception is a message extension search, which Teams expects answered in the response itself.
/// </summary>
internal sealed class ActivityEndpoint(
    TeamsDoorSettings door,
    IChannelTokenValidator tokens,
    ServiceUrlPolicy serviceUrls,
    ActivityDeduplicator deduplicator,
    TurnQueue queue,
    SearchExtensionResponder searchExtension,
    ILogger<ActivityEndpoint> logger)
{
    /// <summary>Activities are a few kilobytes; anything far larger is not from Teams.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var authenticated = door.Mode == TeamsDoorMode.Authenticated;
        if (authenticated ? string.IsNullOrEmpty(http.Request.Headers.Authorization) : !IsLoopback(http.Connection.RemoteIpAddress))
        {
            logger.LogWarning("Refused a Teams activity: {Reason}", authenticated ? "no Authorization header" : "anonymous development accepts loopback callers only");
            return Results.Unauthorized();
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (InboundActivity.TryParse(body) is not { } activity)
        {
            return Results.BadRequest();
        }

        if (authenticated && await AuthenticateAsync(http.Request.Headers.Authorization, activity, http.RequestAborted) is { } refusal)
        {
            return refusal;
        }

        if (serviceUrls.Trust(activity.ServiceUrl, authenticated) is not { } serviceUrl)
        {
            logger.LogWarning("Refused a Teams activity: its service URL host is not allowed (Teams:AllowedServiceHosts)");
            return Results.Unauthorized();
        }

        if (string.Equals(activity.DeliveryMode, ActivityTypes.ExpectReplies, StringComparison.OrdinalIgnoreCase))
        {
            // Replies are sent asynchronously; the Activity protocol asks receivers that cannot reply inline to refuse.
            return Results.BadRequest();
        }

        if (activity is { Type: ActivityTypes.Invoke, Name: SearchQuery.InvokeName })
        {
            return Results.Json(await searchExtension.RespondAsync(activity, http.RequestAborted));
        }

        return Enqueue(new InboundTurn(activity, serviceUrl));
    }

    private async Task<IResult?> AuthenticateAsync(string? authorization, InboundActivity activity, CancellationToken cancellationToken)
    {
        ChannelAuthentication result;
        try
        {
            result = await tokens.ValidateAsync(authorization, activity, cancellationToken);
        }
        catch (SigningKeysUnavailableException e)
        {
            // Not the caller's fault, and Teams retries on 503.
            logger.LogError("{Reason}", e.Message);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (result.IsValid)
        {
            return null;
        }

        logger.LogWarning("Refused a Teams activity: {Reason}", result.Reason);
        return Results.Unauthorized();
    }

    private IResult Enqueue(InboundTurn turn)
    {
        var key = turn.Activity.Id is { Length: > 0 } id ? $"{turn.ConversationId}|{id}" : null;
        if (key is not null && !deduplicator.TryClaim(key))
        {
            logger.LogInformation("Ignored a repeated Teams activity {ActivityId}", turn.Activity.Id);
            return Results.Ok();
        }

        if (queue.TryEnqueue(turn))
        {
            return Results.Ok();
        }

        if (key is not null)
        {
            deduplicator.Release(key);
        }

        logger.LogWarning("Teams activity queue is full or closed for shutdown; asked the channel to retry {ActivityId}", turn.Activity.Id);
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The body, or null when it exceeds <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
