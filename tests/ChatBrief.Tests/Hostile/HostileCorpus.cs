using System.Text;

namespace ChatBrief.Tests.Hostile;

/// <summary>
/// One hostile source and a question its passage answers. <see cref="Shown"/> is what every answer must show character
/// for character: the source's words as the core keeps them (CONTRACTS.md: inline markup such as emphasis, code and
/// links reduced to their text; zero-width spaces dropped). <see cref="NeverShown"/>, when set, must appear nowhere.
/// </summary>
public sealed record HostileCase(string Name, string FileName, string Text, string Question, string Shown, string? NeverShown = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// Sources written to break a chat bot: mentions that would ping a whole server, Discord markdown that would restyle or
/// hide a quote, Adaptive Card JSON and HTML that a careless writer would inject, invisible and direction-changing
/// characters, and a 1 MB paragraph that no message can hold.
/// </summary>
public static class HostileCorpus
{
    public const int HugeParagraphBytes = 1024 * 1024;

    public static readonly HostileCase Mentions = new(
        "mentions",
        "lighthouse.txt",
        "The lighthouse keeper told @everyone and @here that <@123> and the role <@&456> must relight the lamp before the storm.",
        "Who must relight the lamp before the storm?",
        "@everyone and @here that <@123> and the role <@&456> must relight the lamp");

    public static readonly HostileCase Markdown = new(
        "Discord markdown",
        "brewery.txt",
        "The brewery recipe is **secret**, ||hidden in the cellar||, stored as `mash.cfg` and mirrored at [the wiki](https://evil.example/phish).",
        "Where is the brewery recipe stored?",
        "secret, ||hidden in the cellar||, stored as mash.cfg and mirrored at the wiki.",
        NeverShown: "https://evil.example/phish");

    public static readonly HostileCase Quote = new(
        "quote marker",
        "orchard.txt",
        "> The orchard harvest begins in the second week of September, said the orchard steward.",
        "When does the orchard harvest begin?",
        "> The orchard harvest begins in the second week of September");

    public static readonly HostileCase AdaptiveCardJson = new(
        "Adaptive Card JSON",
        "greenhouse.txt",
        """The gardener pasted the greenhouse schedule as {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"injected"}],"actions":[{"type":"Action.OpenUrl","title":"Claim","url":"https://evil.example"}]} into the greenhouse log.""",
        "What did the gardener paste as the greenhouse schedule?",
        """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"injected"}]""");

    public static readonly HostileCase Html = new(
        "HTML and script tags",
        "observatory.txt",
        "The observatory page contained <script>alert('telescope')</script> and <img src=x onerror=alert(1)> and <b>bold</b> &amp; entities.",
        "What did the observatory page contain?",
        "<script>alert('telescope')</script> and <img src=x onerror=alert(1)> and <b>bold</b> &amp; entities");

    public static readonly HostileCase Invisible = new(
        "zero-width and right-to-left override characters",
        "vault.txt",
        "The vault code is 4\u200B2\u200D7 and the archivist named the vault file report\u202Etxt.exe in the vault ledger.",
        "What is the vault code?",
        "42\u200D7 and the archivist named the vault file report\u202Etxt.exe");

    public static readonly HostileCase HugeParagraph = new(
        "1 MB paragraph",
        "harbour.txt",
        HugeParagraphText(),
        "What does the harbour ledger record?",
        "The harbour ledger records cargo crate ");

    public static readonly IReadOnlyList<HostileCase> All = [Mentions, Markdown, Quote, AdaptiveCardJson, Html, Invisible, HugeParagraph];

    public static IReadOnlyDictionary<string, string> Sources() => All.ToDictionary(c => c.FileName, c => c.Text + "\n");

    public static TheoryData<string> Names() => [.. All.Select(c => c.Name)];

    public static HostileCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>One paragraph (no blank line) of about 1 MB.</summary>
    private static string HugeParagraphText()
    {
        var text = new StringBuilder(HugeParagraphBytes + 100);
        for (var crate = 1; text.Length < HugeParagraphBytes; crate++)
        {
            text.Append($"The harbour ledger records cargo crate {crate} unloaded at the north quay. ");
        }

        return text.ToString().TrimEnd();
    }
}
