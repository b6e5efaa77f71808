using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatBrief.Discord.Tests.Commands;

public class HelpCommandTests
{
    private static readonly DiscordOptions InteractionsOnly = new() { ApplicationId = "123", PublicKey = new string('a', 64) };

    [Fact]
    public async Task HandleAsync_NoBotToken_DoesNotOfferMentionsOrDirectMessages()
    {
        var help = await Describe(InteractionsOnly);

        Assert.DoesNotContain("mention me", help);
        Assert.Contains("**/source add|remove|list**", help);
    }

    [Fact]
    public async Task HandleAsync_GatewayRunning_OffersMentionsAndDirectMessages()
    {
        var withToken = new DiscordOptions { ApplicationId = "123", PublicKey = new string('a', 64), BotToken = "token" };

        Assert.Contains("mention me with a question", await Describe(withToken));
    }

    private static async Task<string> Describe(DiscordOptions options)
    {
        var response = await new HelpCommand(Options.Create(options)).HandleAsync(Samples.Command("help"), CancellationToken.None);
        return Assert.IsType<OutgoingMessage>(response.Data).Embeds.Single().Description!;
    }
}
