using System.Text;

namespace ChatBrief.Core.Sources.Cleaning;

/// <summary>Turns a name typed in capitals ("BRAD GLOSSREMAN", "JEAN-LUC O'BRIEN") into its usual form.</summary>
internal static class NameCasing
{
    public static string Readable(string name) => name.Any(char.IsLower) ? name : TitleCase(name);

    private static string TitleCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            builder.Append(startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            startOfWord = !char.IsLetter(c);
        }

        return builder.ToString();
    }
}
