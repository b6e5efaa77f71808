using ChatBrief.Core.Semantic;

namespace ChatBrief.Core.Tests.Semantic;

public class EmbeddingTextTests
{
    [Fact]
    public void Normalize_FoldsTypographyAndLineBreaks()
    {
        Assert.Equal("Iwaya's \"F-35A\" - a test... yes", EmbeddingText.Normalize("Iwaya\u2019s \u201CF\u201135A\u201D \u2014 a test\u2026\n\n yes"));
    }

    [Fact]
    public void ForPassage_RealTitle_LeadsTheText()
    {
        Assert.Equal("Peak Japan. The book was published.", EmbeddingText.ForPassage("Peak Japan", titleFromText: false, "The book was published."));
    }

    [Fact]
    public void ForPassage_TitleMadeFromTheText_IsLeftOut()
    {
        Assert.Equal("The book was published.", EmbeddingText.ForPassage("The book was…", titleFromText: true, "The book was published."));
    }
}
