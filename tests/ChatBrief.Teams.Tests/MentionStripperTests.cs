using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Conversation;

namespace ChatBrief.Teams.Tests;

public sealed class MentionStripperTests
{
    [Fact]
    public void Strip_BotMentionEntity_RemovesMentionAndTrims()
    {
        var activity = TestData.Message("<at>ChatBrief</at>  who leads   the team?");

        Assert.Equal("who leads the team?", MentionStripper.Strip(activity));
    }

    [Fact]
    public void Strip_MentionOfSomeoneElse_KeepsIt()
    {
        var activity = TestData.Message("<at>ChatBrief</at> what did <at>Kate</at> write?") with
        {
            Entities =
            [
                new ActivityEntity("mention") { Mentioned = new ChannelAccount(TestData.BotId, "ChatBrief"), Text = "<at>ChatBrief</at>" },
                new ActivityEntity("mention") { Mentioned = new ChannelAccount("29:kate", "Kate"), Text = "<at>Kate</at>" },
            ],
        };

        Assert.Equal("what did <at>Kate</at> write?", MentionStripper.Strip(activity));
    }

    [Fact]
    public void Strip_NoMentionEntity_LeavesTextAsTyped()
    {
        var activity = TestData.Message("<at>ChatBrief</at> status") with { Entities = null };

        Assert.Equal("<at>ChatBrief</at> status", MentionStripper.Strip(activity));
    }

    [Fact]
    public void Strip_MentionInTheMiddle_RemovesOnlyTheMention()
    {
        var activity = TestData.Message("so <at>ChatBrief</at> when was the meeting?");

        Assert.Equal("so when was the meeting?", MentionStripper.Strip(activity));
    }

    [Fact]
    public void Strip_NullText_ReturnsEmpty()
    {
        Assert.Equal("", MentionStripper.Strip(TestData.Message("") with { Text = null }));
    }
}
