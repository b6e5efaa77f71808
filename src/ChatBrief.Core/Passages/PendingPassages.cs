// TEMPORARY until the ingest branch merges.
using System.Text.RegularExpressions;
using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Passages;

public static class SentenceSplitter
{
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        foreach (Match m in Regex.Matches(text, @"(?<=[.!?][""”’)]?)\s+(?=[""“A-Z0-9])"))
        {
            spans.Add(new TextSpan(start, m.Index - start));
            start = m.Index + m.Length;
        }
        if (start < text.Length) spans.Add(new TextSpan(start, text.Length - start));
        return spans;
    }
}

public static class PassageBuilder
{
    public static IEnumerable<Passage> Build(SourceDocument document) =>
        document.Paragraphs.Select(p => new Passage(p.Id ?? $"{document.Source}#{p.Number}", document.Source, p.Number, 0, p.Text, SentenceSplitter.Split(p.Text), document.Metadata));
}
