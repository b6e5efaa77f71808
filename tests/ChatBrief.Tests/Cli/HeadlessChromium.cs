using System.Diagnostics;

namespace ChatBrief.Tests.Cli;

/// <summary>Debian's chromium, run headless to load a page as a person's browser would.</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Executable { get; } = Candidates.FirstOrDefault(File.Exists);

    public const string Missing = "chromium is not installed (apt-get install -y chromium); the report cannot be opened in a real browser.";

    /// <summary>The page's DOM after the browser has loaded it from disk.</summary>
    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(Missing))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --no-sandbox: test machines and CI containers run as root, where chromium refuses its sandbox.
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom", new Uri(htmlFile).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await error;
        return await output;
    }
}

/// <summary>A test that needs <see cref="HeadlessChromium"/>; skipped, saying why, where it is not installed.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
        {
            Skip = HeadlessChromium.Missing;
        }
    }
}
