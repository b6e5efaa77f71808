using ChatBrief.Core.Answers;
using ChatBrief.Discord.Answers;

namespace ChatBrief.Discord.Tests.Answers;

public class ButtonActionTests
{
    [Fact]
    public void Parse_CustomIdOfAPageButton_GivesTheSameAction()
    {
        var action = new ButtonAction.ShowPage(6);

        Assert.Equal(action, ButtonAction.Parse(action.ToCustomId()));
    }

    [Fact]
    public void Parse_CustomIdOfAContextButton_KeepsSourceWithColons()
    {
        var action = new ButtonAction.ShowContext(3, new PassageReference("notes/a:b.txt", 12));

        Assert.Equal(action, ButtonAction.Parse(action.ToCustomId()));
    }

    [Fact]
    public void Parse_CustomIdOfAContextButton_KeepsTheFingerprint()
    {
        var action = new ButtonAction.ShowContext(0, new PassageReference("a.txt", 4, Fingerprint: "1a2b3c4d"));

        Assert.Equal("cb1:ctx:0:4~1a2b3c4d:a.txt", action.ToCustomId());
        Assert.Equal(action, ButtonAction.Parse(action.ToCustomId()));
    }

    [Fact]
    public void Parse_ContextButtonFromBeforeFingerprints_IsLookedUpByNumber() =>
        Assert.Equal(new ButtonAction.ShowContext(0, new PassageReference("a.txt", 4)), ButtonAction.Parse("cb1:ctx:0:4:a.txt"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cb0:page:3")]
    [InlineData("cb1:page:x")]
    [InlineData("cb1:ctx:0:0:a.txt")]
    [InlineData("cb1:ctx:0:3:")]
    [InlineData("cb1:ctx:0:3~:a.txt")]
    [InlineData("cb1:delete:0")]
    public void Parse_UnknownOrBrokenCustomId_GivesNull(string? customId) =>
        Assert.Null(ButtonAction.Parse(customId));

    [Fact]
    public void ToCustomId_SourcePathTooLong_GivesNullRatherThanAnInvalidButton() =>
        Assert.Null(new ButtonAction.ShowContext(0, new PassageReference(new string('a', 100), 1)).ToCustomId());
}
