namespace ChatBrief.Discord.Formatting;

/// <summary>Says how old the index is in words, for footers: readers judge an answer by how fresh its sources are.</summary>
internal static class IndexAge
{
    public static string Describe(DateTimeOffset? builtAt, DateTimeOffset now)
    {
        if (builtAt is not { } built)
        {
            return "index not built yet";
        }

        var age = now - built;
        return age switch
        {
            _ when age < TimeSpan.FromMinutes(1) => "index built just now",
            _ when age < TimeSpan.FromHours(1) => $"index built {Count((int)age.TotalMinutes, "minute")} ago",
            _ when age < TimeSpan.FromDays(1) => $"index built {Count((int)age.TotalHours, "hour")} ago",
            _ => $"index built {Count((int)age.TotalDays, "day")} ago",
        };
    }

    private static string Count(int value, string unit) => value == 1 ? $"1 {unit}" : $"{value} {unit}s";
}
