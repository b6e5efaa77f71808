using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ChatBrief.Core.Tests.Sources;

/// <summary>Writes small PDFs for tests: each page a list of paragraphs, each paragraph a list of lines.</summary>
internal static class TestPdf
{
    private const double FontSize = 11;
    private const double LineHeight = 14;
    private const double ParagraphGap = 16;
    private const double Left = 72;
    private const double Top = 720;

    public static byte[] Build(IReadOnlyList<string[][]> pages, string? title = null, string? author = null)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = author;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var paragraphs in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = Top;
            foreach (var lines in paragraphs)
            {
                foreach (var line in lines)
                {
                    page.AddText(line, FontSize, new PdfPoint(Left, y), font);
                    y -= LineHeight;
                }

                y -= ParagraphGap;
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The PDF with an encryption dictionary in its trailer whose password checks match no password, as a PDF that
    /// needs a password to open looks to a reader that has none.
    /// </summary>
    public static byte[] WithUnknownPassword(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var dictionary = text.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;
        var check = new string('A', 64);
        var encrypt = $" /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <{check}> /U <{check}> >> /ID [<{check[..32]}> <{check[..32]}>] ";
        return Encoding.Latin1.GetBytes(text.Insert(dictionary, encrypt));
    }

    /// <summary>A PDF of <paramref name="count"/> pages, one short paragraph each.</summary>
    public static byte[] OfPages(int count) =>
        Build([.. Enumerable.Range(1, count).Select(number => new[] { new[] { $"This is the text of page {number}." } })]);
}
