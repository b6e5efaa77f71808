namespace ChatBrief.Core.Analysis;

/// <summary>
/// Groups of spellings that name one thing (an acronym and its expansion, "2+2" and the committee it names), each spelling
/// kept as its analysed terms so that it can be matched against a question's tokens.
/// </summary>
public sealed class AliasTable
{
    public static AliasTable Empty { get; } = new([]);

    public AliasTable(IReadOnlyList<IReadOnlyList<string[]>> groups)
    {
        Groups = groups;
    }

    public IReadOnlyList<IReadOnlyList<string[]>> Groups { get; }

    /// <summary>The other spellings of every alias the tokens contain, each with the question terms it stands for.</summary>
    public IEnumerable<AliasExpansion> ExpansionsFor(IReadOnlyList<AnalyzedToken> tokens)
    {
        var terms = tokens.Select(t => t.Term).ToArray();
        foreach (var group in Groups)
        {
            var matched = group.FirstOrDefault(spelling => Contains(terms, spelling));
            if (matched is null)
            {
                continue;
            }

            foreach (var other in group.Where(spelling => !ReferenceEquals(spelling, matched)))
            {
                yield return new AliasExpansion(other, matched);
            }
        }
    }

    private static bool Contains(string[] terms, string[] spelling)
    {
        for (var start = 0; start + spelling.Length <= terms.Length; start++)
        {
            if (terms.AsSpan(start, spelling.Length).SequenceEqual(spelling))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Another spelling of something the question names.</summary>
/// <param name="Spelling">The analysed terms of the other spelling.</param>
/// <param name="StandsFor">The question's own terms that it replaces.</param>
public sealed record AliasExpansion(string[] Spelling, string[] StandsFor);
