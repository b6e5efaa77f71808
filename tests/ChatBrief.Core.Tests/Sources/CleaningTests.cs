using System.Text;
using ChatBrief.Core.Sources;
using ChatBrief.Core.Sources.Cleaning;

namespace ChatBrief.Core.Tests.Sources;

public class CleaningTests
{
    [Theory]
    [InlineData("000_a0faeb7ade4ac0d7.txt")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301.md")]
    [InlineData("notes.txt")]
    [InlineData("12.txt")]
    public void FromFileName_GeneratedOrSingleWordName_Null(string source) => Assert.Null(TitleFallback.FromFileName(source));

    [Theory]
    [InlineData("q3-planning-notes.md", "Q3 planning notes")]
    [InlineData("team/01_Onboarding_Guide.txt", "Onboarding Guide")]
    [InlineData("security review 2024.txt", "Security review 2024")]
    public void FromFileName_ReadableName_Words(string source, string title) => Assert.Equal(title, TitleFallback.FromFileName(source));

    [Theory]
    [InlineData("Short first sentence. Second.", "Short first sentence")]
    [InlineData("“The ministers affirmed that international law applies in cyberspace and beyond,” they said.", "The ministers affirmed that international law applies in cyberspace…")]
    [InlineData("With China and Russia making ground on their respective space programs and cyber capabilities.", "With China and Russia making ground on their respective space programs…")]
    [InlineData("Pompeo said that a cyberattack could, “in certain circumstances, constitute an armed attack.”", "Pompeo said that a cyberattack could…")]
    public void FromOpeningWords_FirstSentence_ShortenedAtAWordBoundary(string paragraph, string title)
    {
        var result = TitleFallback.FromOpeningWords(paragraph);

        Assert.Equal(title, result);
        Assert.True(result!.Length <= 71);
    }

    [Theory]
    [InlineData("BRAD GLOSSREMAN", "Brad Glossreman")]
    [InlineData("JEAN-LUC O'BRIEN", "Jean-Luc O'Brien")]
    [InlineData("Ann McDonald", "Ann McDonald")]
    public void Readable_NameInCapitals_TitleCased(string name, string expected) => Assert.Equal(expected, NameCasing.Readable(name));

    [Theory]
    [InlineData("Kate Polit is MeriTalk's Assistant Copy & Production Editor covering the intersection of government and technology.", "Kate Polit")]
    [InlineData("Brad Glosserman (brad@pacforum.org) is deputy director of and visiting professor at the Center.", "Brad Glosserman")]
    [InlineData("Maria van Dyke writes about energy policy for the Review.", "Maria van Dyke")]
    [InlineData("The Pentagon is the director of many programs.", null)]
    [InlineData("Mike Pompeo is expected to visit Tokyo.", null)]
    public void TryRead_BioParagraph_NameOnlyWithARole(string paragraph, string? author)
    {
        var found = AuthorBioDetector.TryRead(paragraph, out var name);

        Assert.Equal(author is not null, found);
        if (author is not null)
        {
            Assert.Equal(author, name);
        }
    }

    [Fact]
    public void Normalize_OddSpacesAndInvisibleCharacters_SingleSpacesOnly() =>
        Assert.Equal("a b c d e", WhitespaceNormalizer.Normalize("\t a\u00A0\u00A0b\r\n c\u3000d\u200B \u0007e\uFEFF "));

    [Fact]
    public void Decode_ValidUtf8_NoNote()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes("Japan’s “2+2” – …"));

        Assert.Equal("Japan’s “2+2” – …", decoded.Text);
        Assert.Null(decoded.Note);
    }

    [Fact]
    public void Decode_MostlyControlBytes_ThrowsAsBinary()
    {
        var error = Assert.Throws<InvalidSourceException>(() => TextDecoder.Decode([0x01, 0x02, 0x03, 0x41, 0x04, 0x05]));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrontMatter_SimpleKeyValueLines_KnownFieldsRead()
    {
        var metadata = FrontMatter.Parse(["title: \"A: B\"", "Author: Jane", "  nested: x", "tags:", "url: https://x.org/a:b"]);

        Assert.Equal(new ExplicitMetadata("A: B", "Jane", Url: "https://x.org/a:b"), metadata);
    }
}
