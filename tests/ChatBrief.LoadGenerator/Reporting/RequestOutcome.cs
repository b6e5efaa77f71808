namespace ChatBrief.LoadGenerator.Reporting;

/// <summary>How one request went.</summary>
/// <param name="Status">The HTTP status, or 0 when no response came (then <paramref name="Failure"/> says why).</param>
/// <param name="ResponseMs">From sending the request to the response's status line, as the chat platform would wait for it.</param>
/// <param name="AnswerMs">
/// From sending the request until the answer was delivered: the response itself for an inline Discord answer, the edit
/// of the original response for a deferred one, the reply reaching the connector for Teams. Null when none came.
/// </param>
/// <param name="Failure">Why a response that came is still not an answer (a private "slow down", no reply), or why none came.</param>
internal sealed record RequestOutcome(int Status, double ResponseMs, double? AnswerMs, string? Failure = null)
{
    /// <summary>Discord acknowledged at once and delivered the answer later by editing the response.</summary>
    public bool Deferred { get; init; }

    public bool Succeeded => Failure is null && Status is >= 200 and < 300;

    /// <summary>How errors are counted together: the status, with the reason when there is one.</summary>
    public string ErrorKind => (Status, Failure) switch
    {
        (0, { } failure) => failure,
        (_, { } failure) => $"{Status} {failure}",
        _ => Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static RequestOutcome NoResponse(double elapsedMs, string reason) => new(0, elapsedMs, null, reason);
}
