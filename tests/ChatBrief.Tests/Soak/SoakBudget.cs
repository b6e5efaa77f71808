using System.Globalization;

namespace ChatBrief.Tests.Soak;

/// <summary>
/// How long the soak runs: 30 seconds in <c>dotnet test</c>; <c>CHATBRIEF_SOAK_SECONDS=600</c> runs the 10-minute soak
/// by hand (README, Reliability).
/// </summary>
public static class SoakBudget
{
    public const string SecondsVariable = "CHATBRIEF_SOAK_SECONDS";
    public const int DefaultSeconds = 30;

    public static TimeSpan Duration => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : DefaultSeconds);
}
