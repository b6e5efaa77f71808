namespace ChatBrief.Discord.Model;

/// <summary>The answer of <c>GET /gateway/bot</c>: where to connect, and how many IDENTIFYs are left today.</summary>
internal sealed record GatewayBotInfo(string Url, SessionStartLimit SessionStartLimit);

/// <param name="ResetAfter">Milliseconds until <see cref="Remaining"/> is reset to <see cref="Total"/>.</param>
/// <param name="MaxConcurrency">IDENTIFYs allowed per 5 seconds.</param>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
