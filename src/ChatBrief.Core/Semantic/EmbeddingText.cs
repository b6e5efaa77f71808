using ChatBrief.Core.Sources.Cleaning;

namespace ChatBrief.Core.Semantic;

/// <summary>The text the embedding model sees: typography folded to what its vocabulary knows, one line, the real title first.</summary>
public static class EmbeddingText
{
    /// <summary>
    /// A passage with its title, unless the title was made from the passage's own first sentence: such a title repeats
    /// the text and would only weigh its opening twice.
    /// </summary>
    public static string ForPassage(string title, bool titleFromText, string text) =>
        Normalize(titleFromText || string.IsNullOrWhiteSpace(title) ? text : $"{title}. {text}");

    /// <summary>
    /// Curly quotes, dashes and odd spaces become their plain forms and line breaks become spaces: the model's WordPiece
    /// vocabulary splits "Iwaya’s" differently from "Iwaya's", and the meaning should not depend on the typesetting.
    /// </summary>
    public static string Normalize(string text)
    {
        var folded = text.Replace("\u2026", "...", StringComparison.Ordinal).Select(c => c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
            _ => c,
        });
        return WhitespaceNormalizer.Normalize(string.Concat(folded));
    }
}
