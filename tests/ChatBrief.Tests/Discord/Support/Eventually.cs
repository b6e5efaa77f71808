namespace ChatBrief.Tests.Discord.Support;

internal static class Eventually
{
    /// <summary>Polls until <paramref name="probe"/> yields a value; fails after a generous bound rather than hanging.</summary>
    public static async Task<T> GetAsync<T>(Func<T?> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience.Bound);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The expected event did not happen in time.");
    }

    public static Task HappensAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        GetAsync(() => condition() ? new object() : null, timeout);
}
