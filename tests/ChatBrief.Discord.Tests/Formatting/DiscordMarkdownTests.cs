using ChatBrief.Discord.Formatting;

namespace ChatBrief.Discord.Tests.Formatting;

public class DiscordMarkdownTests
{
    [Theory]
    [InlineData("a *bold* claim", @"a \*bold\* claim")]
    [InlineData("snake_case and ~~strike~~", @"snake\_case and \~\~strike\~\~")]
    [InlineData("`code` || spoiler ||", @"\`code\` \|\| spoiler \|\|")]
    [InlineData("ping <@123> and <#456>", @"ping \<@123\> and \<#456\>")]
    [InlineData("[link](http://x)", @"\[link\](http://x)")]
    [InlineData(@"a \ backslash", @"a \\ backslash")]
    public void Escape_MarkdownCharacters_AreEscaped(string text, string expected) =>
        Assert.Equal(expected, DiscordMarkdown.Escape(text));

    [Theory]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("- item", @"\- item")]
    [InlineData("-# subtext", @"\-# subtext")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("line\n# heading", "line\n\\# heading")]
    public void Escape_LineStartMarkers_AreEscaped(string text, string expected) =>
        Assert.Equal(expected, DiscordMarkdown.Escape(text));

    [Theory]
    [InlineData("well-known #1 in 2024. Done")]
    [InlineData("nothing to escape here")]
    public void Escape_MarkersInsideALine_AreLeftAlone(string text) =>
        Assert.Equal(text, DiscordMarkdown.Escape(text));

    [Theory]
    [InlineData(@"a *b* \c\ _d_ <@1> # e")]
    [InlineData("1. x\n- y")]
    [InlineData(@"\\\")]
    public void Unescape_EscapedText_GivesTheOriginalBack(string text) =>
        Assert.Equal(text, DiscordMarkdown.Unescape(DiscordMarkdown.Escape(text)));
}
