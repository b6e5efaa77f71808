namespace ChatBrief.Core.Passages;

/// <summary>
/// Splits text into sentences for "best sentence" marking. It errs towards not splitting: a missed boundary only makes
/// a highlighted sentence longer, while a false one (after "U.S." or "Gen.") cuts a quote in half.
/// </summary>
public static class SentenceSplitter
{
    // Abbreviations that come before a name or a number and so never end a sentence when a capital or digit follows.
    private static readonly HashSet<string> PrefixAbbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mme", "Dr", "Prof", "Rev", "Hon", "Fr", "Sr", "St", "Mt", "Ft",
        "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Sen", "Rep", "Pres", "Amb", "Supt",
        "No", "Nos", "Vol", "Vols", "Fig", "Figs", "Art", "Sec", "Ch", "Pt", "Pts", "p", "pp", "cf", "vs", "v", "ca", "approx", "viz",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "e.g", "i.e", "E.g", "I.e", "c", "a.k.a", "aka",
    };

    // Abbreviations that may well end a sentence: a boundary is assumed only when a typical sentence opener follows.
    private static readonly HashSet<string> TrailingAbbreviations = new(StringComparer.Ordinal)
    {
        "etc", "Inc", "Ltd", "Co", "Corp", "Jr", "al", "Bros", "Ave", "Rd", "Blvd", "Esq",
    };

    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "As", "By", "For", "From", "To", "With", "After", "Before", "During", "Since",
        "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "This", "That", "These", "Those",
        "There", "Here", "But", "And", "Or", "So", "Yet", "However", "When", "While", "If", "Although", "Meanwhile",
        "Some", "Many", "Most", "Both", "Each", "All", "No", "One", "Other", "Such", "What", "Why", "How", "Who",
    };

    // Static, because a literal list of characters makes a new array at every call, and these run at every full stop.
    private static readonly char[] OpeningQuotesAndBrackets = ['“', '‘', '"', '\'', '(', '['];
    private static readonly char[] OpeningPunctuation = ['“', '‘', '"', '\'', '(', '[', '«'];
    private static readonly char[] SentenceOpeningMarks = ['“', '‘', '"', '\'', '(', '[', '«', '¿', '¡'];
    private static readonly char[] ClauseMarks = [',', ';', ':'];

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        var quoteDepth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            quoteDepth = TrackQuotes(text[i], quoteDepth);
            if (!IsTerminator(text[i]))
            {
                continue;
            }

            var end = EndOfPunctuation(text, i, ref quoteDepth);
            if (IsBoundary(text, i, end, quoteDepth))
            {
                AddTrimmed(text, start, end, spans);
                start = end;
            }

            i = end - 1;
        }

        AddTrimmed(text, start, text.Length, spans);
        return spans;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsClosing(char c) => c is '”' or '’' or '"' or '\'' or ')' or ']' or '»';

    private static bool IsOpening(char c) => c is '“' or '‘' or '"' or '\'' or '(' or '[' or '«';

    // "...", "…" and the typeset ". . .".
    private static bool IsEllipsis(string text, int index) =>
        text[index] == '…' || (text[index] == '.' && (IsAt(text, index + 1, '.') || IsSpacedStop(text, index + 1)));

    private static bool IsAt(string text, int index, char c) => index < text.Length && text[index] == c;

    private static bool IsSpacedStop(string text, int index) => IsAt(text, index, ' ') && IsAt(text, index + 1, '.');

    // Knowing whether we are inside a quotation tells an elision ("bounds … And while") from a sentence that trails off.
    private static int TrackQuotes(char c, int depth) => c switch
    {
        '“' => depth + 1,
        '”' => Math.Max(0, depth - 1),
        '"' => depth > 0 ? depth - 1 : depth + 1,
        _ => depth,
    };

    /// <summary>The index just after the terminators and the closing quotes and brackets that belong to them.</summary>
    private static int EndOfPunctuation(string text, int index, ref int quoteDepth)
    {
        var end = index + 1;
        while (end < text.Length && (IsTerminator(text[end]) || IsClosing(text[end]) || (text[index] == '.' && IsSpacedStop(text, end))))
        {
            quoteDepth = TrackQuotes(text[end], quoteDepth);
            end++;
        }

        return end;
    }

    private static bool IsBoundary(string text, int terminator, int end, int quoteDepth)
    {
        if (end >= text.Length)
        {
            return true;
        }

        // "3.5", "U.S.-Japan", "e.g.," and "etc.)," have no space after the stop.
        if (!char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var next = NextWord(text, end);
        if (next.Length == 0 || char.IsLower(next[0]) || !StartsSentence(next))
        {
            return false;
        }

        var closedSomething = end - 1 > terminator && IsClosing(text[end - 1]);
        if (IsEllipsis(text, terminator) && !closedSomething)
        {
            return quoteDepth == 0;
        }

        if (text[terminator] != '.' || closedSomething)
        {
            return true;
        }

        var word = WordBefore(text, terminator);
        if (PrefixAbbreviations.Contains(word) || IsInitial(word))
        {
            return false;
        }

        if (TrailingAbbreviations.Contains(word) || IsDottedAcronym(word))
        {
            return SentenceOpeners.Contains(next.TrimStart(OpeningQuotesAndBrackets).TrimEnd(ClauseMarks));
        }

        return true;
    }

    private static bool StartsSentence(string word)
    {
        var first = word.AsSpan().TrimStart(SentenceOpeningMarks);
        return first.Length == 0 ? IsOpening(word[0]) : !char.IsLower(first[0]);
    }

    private static string NextWord(string text, int from)
    {
        var start = from;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>The token before a full stop, without the stop and without opening punctuation ("(Gen" -> "Gen").</summary>
    private static string WordBefore(string text, int stop)
    {
        var start = stop;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        return text[start..stop].TrimStart(OpeningPunctuation);
    }

    // "J. Smith", "George W. Bush".
    private static bool IsInitial(string word) => word.Length == 1 && char.IsUpper(word[0]);

    // "U.S", "U.K", "a.m", "Ph.D": letters separated by stops.
    private static bool IsDottedAcronym(string word) =>
        word.Contains('.') && word.Split('.').All(part => part.Length is > 0 and <= 2 && part.All(char.IsLetter));

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end - start));
        }
    }
}
