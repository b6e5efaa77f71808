using ChatBrief.Discord.Gateway;

namespace ChatBrief.Discord.Tests.Gateway;

public class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void Classify_FatalCode_Stops(int code) => Assert.Equal(AfterClose.Stop, GatewayCloseCodes.Classify(code));

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public void Classify_SessionLostCode_Reidentifies(int code) => Assert.Equal(AfterClose.Reidentify, GatewayCloseCodes.Classify(code));

    [Theory]
    [InlineData(null)]
    [InlineData(1006)]
    [InlineData(4000)]
    [InlineData(4008)]
    public void Classify_OtherCode_Resumes(int? code) => Assert.Equal(AfterClose.Resume, GatewayCloseCodes.Classify(code));

    [Fact]
    public void Intents_Always_AreGuildMessagesAndDirectMessagesWithoutMessageContent() =>
        Assert.Equal(4608, GatewayCommands.Intents);
}
