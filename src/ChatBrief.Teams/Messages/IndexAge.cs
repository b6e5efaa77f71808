namespace ChatBrief.Teams.Messages;

/// <summary>"Index built 3 hours ago (…)", so readers can tell whether an answer may predate a change to the sources.</summary>
internal static class IndexAge
{
    public static string? Describe(DateTimeOffset? builtAt, DateTimeOffset now)
    {
        if (builtAt is not { } built)
        {
            return null;
        }

        var age = now - built;
        var words = age.TotalMinutes < 1 ? "less than a minute"
            : age.TotalHours < 1 ? Plural((int)age.TotalMinutes, "minute")
            : age.TotalDays < 1 ? Plural((int)age.TotalHours, "hour")
            : Plural((int)age.TotalDays, "day");
        return $"Index built {words} ago ({built.UtcDateTime:yyyy-MM-dd HH:mm} UTC).";
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
