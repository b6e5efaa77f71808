using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Passages;

/// <summary>
/// Cuts a cleaned document into passages: one per paragraph, so that a citation's number is the paragraph a reader
/// finds in the source. Only a very long paragraph is split, at sentence boundaries, into parts of similar length,
/// because a wall of text ranks poorly and is too long to quote in a chat message. Corpus passages (JSONL) are kept whole.
/// </summary>
public static class PassageBuilder
{
    /// <summary>Paragraphs longer than this are split into parts.</summary>
    public const int MaxPassageLength = 1500;

    public static IEnumerable<Passage> Build(SourceDocument document)
    {
        foreach (var paragraph in document.Paragraphs)
        {
            var sentences = SentenceSplitter.Split(paragraph.Text);
            // A corpus that names its passages has already chosen their size; its ids must keep meaning whole passages.
            if (paragraph.Text.Length <= MaxPassageLength || sentences.Count < 2 || paragraph.Id is not null)
            {
                yield return new Passage(IdOf(document, paragraph, part: 0), document.Source, paragraph.Number, 0, paragraph.Text, sentences, document.Metadata, paragraph.Page, paragraph.Anchor);
                continue;
            }

            var part = 0;
            foreach (var group in GroupSentences(paragraph.Text, sentences))
            {
                part++;
                var start = group[0].Start;
                var text = paragraph.Text[start..group[^1].End];
                var relative = group.Select(span => span with { Start = span.Start - start }).ToList();
                yield return new Passage(IdOf(document, paragraph, part), document.Source, paragraph.Number, part, text, relative, document.Metadata, paragraph.Page, paragraph.Anchor);
            }
        }
    }

    private static string IdOf(SourceDocument document, Paragraph paragraph, int part)
    {
        var id = paragraph.Id ?? $"{document.Source}#{paragraph.Number}";
        return part == 0 ? id : $"{id}.{part}";
    }

    /// <summary>
    /// Groups consecutive sentences into as few parts as the length limit allows, aiming at equal lengths so that the
    /// last part is not a stub. A single sentence longer than the limit stays whole: cutting it would misquote.
    /// </summary>
    private static List<List<TextSpan>> GroupSentences(string text, IReadOnlyList<TextSpan> sentences)
    {
        var partCount = (int)Math.Ceiling(text.Length / (double)MaxPassageLength);
        var target = text.Length / (double)partCount;
        var groups = new List<List<TextSpan>>();
        var current = new List<TextSpan>();
        foreach (var sentence in sentences)
        {
            if (current.Count > 0)
            {
                var length = current[^1].End - current[0].Start;
                var withSentence = sentence.End - current[0].Start;
                if (withSentence > MaxPassageLength || length >= target)
                {
                    groups.Add(current);
                    current = [];
                }
            }

            current.Add(sentence);
        }

        groups.Add(current);
        return groups;
    }
}
