using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Analysis;

/// <summary>
/// The moderators' <c>aliases.txt</c> at the root of the sources folder, as edited from chat: one group a line, spellings
/// separated by '='. Comments and the lines a change does not touch are kept as they were; the file is replaced whole,
/// so a reader never sees half of it.
/// </summary>
public sealed class AliasFile(IOptions<SourcesOptions> sources)
{
    /// <summary>A spelling longer than this is surely a pasted paragraph, not a name.</summary>
    public const int MaxSpellingLength = 100;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(sources.Value.Path), AliasLearner.AliasesFileName);

    /// <summary>The groups of the file, in order; comments and lines of one spelling are left out.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups() => ReadLines()
        .Select(Spellings)
        .Where(spellings => spellings.Count > 1)
        .ToList();

    /// <summary>Adds a group from "A = B = C" text.</summary>
    /// <returns>The spellings added, as they will be written.</returns>
    /// <exception cref="AliasRefusedException">Fewer than two spellings, or a spelling that cannot be one.</exception>
    public IReadOnlyList<string> Add(string group)
    {
        var spellings = Spellings(group).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (spellings.Count < 2)
        {
            throw new AliasRefusedException("An alias needs at least two spellings separated by '=', for example: SDF = Self-Defense Forces.");
        }

        if (spellings.FirstOrDefault(s => s.Length > MaxSpellingLength || s.Any(char.IsControl)) is { } bad)
        {
            throw new AliasRefusedException($"“{Shorten(bad)}” cannot be an alias: a spelling is one line of at most {MaxSpellingLength} characters.");
        }

        if (spellings[0].StartsWith('#'))
        {
            throw new AliasRefusedException("An alias cannot start with '#': the file would read it as a comment.");
        }

        if (Groups().Any(existing => spellings.All(s => existing.Contains(s, StringComparer.OrdinalIgnoreCase))))
        {
            throw new AliasRefusedException($"The aliases already say {string.Join(" = ", spellings)}; nothing was changed.");
        }

        var lines = ReadLines();
        lines.Add(string.Join(" = ", spellings));
        Write(lines);
        return spellings;
    }

    /// <summary>Takes <paramref name="spelling"/> out of every group; a group left with one spelling goes.</summary>
    /// <returns>The groups it was taken from, as they were.</returns>
    /// <exception cref="AliasRefusedException">No group has that spelling.</exception>
    public IReadOnlyList<IReadOnlyList<string>> Remove(string spelling)
    {
        var target = spelling.Trim();
        var lines = ReadLines();
        var changed = new List<IReadOnlyList<string>>();
        var kept = new List<string>();
        foreach (var line in lines)
        {
            var spellings = Spellings(line);
            if (spellings.Count < 2 || !spellings.Contains(target, StringComparer.OrdinalIgnoreCase))
            {
                kept.Add(line);
                continue;
            }

            changed.Add(spellings);
            var rest = spellings.Where(s => !string.Equals(s, target, StringComparison.OrdinalIgnoreCase)).ToList();
            if (rest.Count > 1)
            {
                kept.Add(string.Join(" = ", rest));
            }
        }

        if (changed.Count == 0)
        {
            throw new AliasRefusedException($"No alias in {AliasLearner.AliasesFileName} has the spelling “{Shorten(target)}”. Aliases learnt from the sources themselves cannot be removed from chat.");
        }

        Write(kept);
        return changed;
    }

    private List<string> ReadLines() => File.Exists(Path) ? File.ReadAllLines(Path).ToList() : [];

    private static List<string> Spellings(string line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith('#') ? [] : trimmed.Split('=', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private void Write(List<string> lines)
    {
        // Hidden, so that a reindex running meanwhile never takes it for a source.
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "." + AliasLearner.AliasesFileName + ".tmp");
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, Path, overwrite: true);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>An alias change that was not made; the message says why.</summary>
public sealed class AliasRefusedException(string message) : InvalidOperationException(message);
