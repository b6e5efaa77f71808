using System.Buffers;
using System.Text.Json;
using ChatBrief.Discord.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ChatBrief.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>. Nothing is parsed before the signature is verified over the exact bytes received:
/// re-serialised JSON would not match what Discord signed. Every doubt about authenticity is a 401, never a 500,
/// because Discord removes endpoints that fail its routine probes.
/// </summary>
internal sealed partial class InteractionsEndpoint(InteractionSignatureVerifier verifier, InteractionDispatcher dispatcher, ILogger<InteractionsEndpoint> logger)
{
    public const string Route = "/discord/interactions";

    /// <summary>Interactions are small JSON documents; anything near this size is not one.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (!InteractionSignatureVerifier.HeadersLookValid(signature, timestamp))
        {
            LogRejected("missing or malformed signature headers");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            LogRejected($"body larger than {MaxBodyBytes} bytes");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!verifier.IsAuthentic(signature, timestamp, body))
        {
            LogRejected("wrong signature or stale timestamp");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            LogRejected("signed body is not an interaction");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var response = await dispatcher.DispatchAsync(interaction, context.RequestAborted);
        await context.Response.WriteAsJsonAsync(response, DiscordJson.Options, context.RequestAborted);
    }

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted);
                if (read == 0)
                {
                    return buffer.WrittenSpan.ToArray();
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's own size limit fired (chunked bodies have no Content-Length to check up front).
            return null;
        }
    }

    [LoggerMessage(LogLevel.Information, "Rejected a request to the Discord interactions endpoint: {Reason}")]
    private partial void LogRejected(string reason);
}
