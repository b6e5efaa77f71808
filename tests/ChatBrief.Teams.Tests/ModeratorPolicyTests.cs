using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Conversation;

namespace ChatBrief.Teams.Tests;

public sealed class ModeratorPolicyTests
{
    private readonly ModeratorPolicy _policy = new(TestData.Options());

    [Fact]
    public void IsModerator_ListedObjectId_True()
    {
        Assert.True(_policy.IsModerator(new ChannelAccount("29:mod", "Mo") { AadObjectId = TestData.ModeratorId }));
    }

    [Fact]
    public void IsModerator_ListedObjectIdInOtherCase_True()
    {
        Assert.True(_policy.IsModerator(new ChannelAccount("29:mod", "Mo") { AadObjectId = TestData.ModeratorId.ToUpperInvariant() }));
    }

    [Fact]
    public void IsModerator_UnlistedObjectId_False()
    {
        Assert.False(_policy.IsModerator(new ChannelAccount("29:user", "Avery") { AadObjectId = "aaaaaaaa-0000-0000-0000-000000000001" }));
    }

    [Fact]
    public void IsModerator_ModeratorIdAsChannelIdOnly_False()
    {
        Assert.False(_policy.IsModerator(new ChannelAccount(TestData.ModeratorId, "Mo")));
    }

    [Fact]
    public void IsModerator_NoModeratorsConfigured_False()
    {
        var policy = new ModeratorPolicy(TestData.Options(o => o.ModeratorAadObjectIds = []));

        Assert.False(policy.IsModerator(new ChannelAccount("29:mod", "Mo") { AadObjectId = TestData.ModeratorId }));
    }
}
