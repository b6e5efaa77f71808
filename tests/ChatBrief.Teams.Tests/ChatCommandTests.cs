using ChatBrief.Teams.Conversation;

namespace ChatBrief.Teams.Tests;

public sealed class ChatCommandTests
{
    [Theory]
    [InlineData("help", typeof(ChatCommand.Help))]
    [InlineData("", typeof(ChatCommand.Help))]
    [InlineData("HELP?", typeof(ChatCommand.Help))]
    [InlineData("sources", typeof(ChatCommand.Sources))]
    [InlineData("Status!", typeof(ChatCommand.Status))]
    [InlineData("reindex", typeof(ChatCommand.Reindex))]
    [InlineData(" Reindex. ", typeof(ChatCommand.Reindex))]
    public void Parse_CommandWord_ReturnsCommand(string text, Type expected)
    {
        Assert.IsType(expected, ChatCommand.Parse(text));
    }

    [Theory]
    [InlineData("status of the treaty?", "status of the treaty?")]
    [InlineData("who wrote the sources?", "who wrote the sources?")]
    [InlineData("ask Who is Kate Polit?", "Who is Kate Polit?")]
    [InlineData("How many people are on the SDF team?", "How many people are on the SDF team?")]
    public void Parse_AnythingElse_IsAQuestion(string text, string question)
    {
        var ask = Assert.IsType<ChatCommand.Ask>(ChatCommand.Parse(text));
        Assert.Equal(question, ask.Question);
    }

    [Fact]
    public void Parse_AskWithoutQuestion_ReturnsHelp()
    {
        Assert.IsType<ChatCommand.Help>(ChatCommand.Parse("ask   "));
    }
}
