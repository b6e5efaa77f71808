using ChatBrief.Core.Answers;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Discord.Tests.Answers;

public class ContextMessageBuilderTests
{
    private readonly ContextMessageBuilder _builder = new(new FakeTimeProvider(Samples.Now));

    [Fact]
    public void Build_Context_ShowsNeighboursWithTheRequestedParagraphInBold()
    {
        var context = new PassageContext("a.txt", "Title", null, [new(3, "Before.", false), new(4, "The *quote*.", true), new(5, "After.", false)]);

        var message = _builder.Build("who?", context, skip: 3, Samples.Now);

        var embed = Assert.Single(message.Embeds);
        Assert.Equal("¶ 3: Before.\n\n¶ 4: **The \\*quote\\*.**\n\n¶ 5: After.", embed.Description);
        Assert.Equal("cb1:page:3", message.Components.Single().Components.Single().CustomId);
    }

    [Fact]
    public void Build_HugeNeighbours_KeepTheRequestedParagraphWithinLimits()
    {
        var huge = string.Concat(Enumerable.Repeat("Long neighbour sentence. ", 400));
        var context = new PassageContext("a.txt", "Title", "Author", [new(1, huge, false), new(2, "The quote.", true), new(3, huge, false)]);

        var message = _builder.Build(null, context, skip: 0, null);

        var embed = Assert.Single(message.Embeds);
        Assert.True(embed.Description!.Length <= 4096);
        Assert.Contains("¶ 2: **The quote.**", embed.Description);
        Assert.Empty(message.Components);
    }

    [Fact]
    public void Build_MovedPassageWithHugeNeighbours_SaysWhereItMovedWithinLimits()
    {
        var huge = string.Concat(Enumerable.Repeat("Long neighbour sentence. ", 400));
        var context = new PassageContext("a.txt", "Title", null, [new(6, huge, false), new(7, "The quote.", true), new(8, huge, false)]) { State = PassageState.Moved };

        var message = _builder.Build(null, context, skip: 0, null);

        var embed = Assert.Single(message.Embeds);
        Assert.StartsWith("*This passage has moved to paragraph 7 since the answer was given.*\n\n", embed.Description);
        Assert.True(embed.Description!.Length <= 4096);
        Assert.Contains("¶ 7: **The quote.**", embed.Description);
    }
}
