using ChatBrief.Discord.Gateway;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Gateway;

public class IdentifyGateTests
{
    private readonly Mock<IDiscordRestClient> _rest = new();
    private readonly InstantClock _clock = new(Samples.Now);

    [Fact]
    public async Task WaitForTurnAsync_BudgetUsedUp_WaitsUntilDiscordResetsIt()
    {
        Budget(remaining: 0, resetAfterMs: 3_600_000);

        var url = await Gate(new DiscordTimings()).WaitForTurnAsync(CancellationToken.None);

        Assert.Equal([TimeSpan.FromHours(1)], _clock.Waits);
        Assert.Equal(new Uri("wss://gateway.example"), url);
    }

    [Fact]
    public async Task WaitForTurnAsync_IdentifiesInQuickSuccession_AreSpacedFurtherAndFurtherApart()
    {
        Budget(remaining: 900, resetAfterMs: 0);
        var gate = Gate(new DiscordTimings());

        for (var i = 0; i < 4; i++)
        {
            await gate.WaitForTurnAsync(CancellationToken.None);
        }

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)], _clock.Waits);
    }

    [Fact]
    public async Task WaitForTurnAsync_SpacingCap_BoundsTheWait()
    {
        Budget(remaining: 900, resetAfterMs: 0);
        var gate = Gate(new DiscordTimings());

        for (var i = 0; i < 10; i++)
        {
            await gate.WaitForTurnAsync(CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromMinutes(10), _clock.Waits.Max());
    }

    [Fact]
    public async Task WaitForTurnAsync_IdentifyLongAfterThePrevious_DoesNotWait()
    {
        Budget(remaining: 900, resetAfterMs: 0);
        var gate = Gate(new DiscordTimings());
        await gate.WaitForTurnAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(1));
        await gate.WaitForTurnAsync(CancellationToken.None);

        Assert.Empty(_clock.Waits);
    }

    private void Budget(int remaining, long resetAfterMs) =>
        _rest.Setup(rest => rest.GetGatewayBotAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GatewayBotInfo("wss://gateway.example", new SessionStartLimit(1000, remaining, resetAfterMs, 1)));

    private IdentifyGate Gate(DiscordTimings timings) => new(_rest.Object, timings, _clock, NullLogger<IdentifyGate>.Instance);
}
