using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;

namespace ChatBrief.Discord.Tests.Interactions;

public class ModeratorPolicyTests
{
    private readonly ModeratorPolicy _policy = new(Microsoft.Extensions.Options.Options.Create(new DiscordOptions { ModeratorRoleIds = ["111"] }));

    [Theory]
    [InlineData(ModeratorPolicy.ManageGuild)]
    [InlineData(ModeratorPolicy.Administrator)]
    [InlineData(ModeratorPolicy.ManageGuild | (1UL << 40))]
    public void IsModerator_MemberWithManageServerOrAdministrator_IsTrue(ulong permissions) =>
        Assert.True(_policy.IsModerator(Samples.Command("reindex", member: Samples.Member(permissions))));

    [Fact]
    public void IsModerator_MemberWithAConfiguredModeratorRole_IsTrue() =>
        Assert.True(_policy.IsModerator(Samples.Command("reindex", member: Samples.Member(0, "222", "111"))));

    [Theory]
    [InlineData("0")]
    [InlineData("2048")]
    [InlineData("not a number")]
    [InlineData(null)]
    public void IsModerator_MemberWithoutThePermission_IsFalse(string? permissions) =>
        Assert.False(_policy.IsModerator(Samples.Command("reindex", member: new GuildMember(new DiscordUser("5"), ["222"], permissions))));

    [Fact]
    public void IsModerator_DirectMessage_IsFalse() =>
        Assert.False(_policy.IsModerator(Samples.Command("reindex", guildId: null)));

    [Fact]
    public void RequiredPermission_Always_IsManageServerAsDecimalString() =>
        Assert.Equal("32", ModeratorPolicy.RequiredPermission);
}
