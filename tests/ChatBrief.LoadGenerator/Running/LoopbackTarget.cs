namespace ChatBrief.LoadGenerator.Running;

/// <summary>
/// Where load may be sent: an http(s) address on this machine. Anything else is refused before a request leaves, so a
/// typo or a pasted production URL cannot turn the generator on someone's server.
/// </summary>
internal static class LoopbackTarget
{
    /// <summary>The base address to send to, or null with <paramref name="problem"/> saying why it is refused.</summary>
    public static Uri? Parse(string? text, out string? problem)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"'{text}' is not an absolute http(s) address such as http://127.0.0.1:5080";
            return null;
        }

        // Uri.IsLoopback is true for "localhost", 127.0.0.0/8 and ::1 as written, without asking DNS.
        if (!uri.IsLoopback)
        {
            problem = $"'{uri.Host}' is not a loopback address: the load generator only sends to 127.0.0.1, ::1 or localhost";
            return null;
        }

        problem = null;
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
