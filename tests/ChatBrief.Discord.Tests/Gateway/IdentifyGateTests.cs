using System.Diagnostics;
using ChatBrief.Discord.Gateway;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Gateway;

public class IdentifyGateTests
{
    private readonly Mock<IDiscordRestClient> _rest = new();

    [Fact]
    public async Task WaitForTurnAsync_BudgetUsedUp_WaitsUntilDiscordResetsIt()
    {
        Budget(remaining: 0, resetAfterMs: 200);
        var gate = Gate(new DiscordTimings { IdentifySpacing = TimeSpan.Zero });
        var watch = Stopwatch.StartNew();

        var url = await gate.WaitForTurnAsync(CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(180), $"waited {watch.Elapsed}");
        Assert.Equal(new Uri("wss://gateway.example"), url);
    }

    [Fact]
    public async Task WaitForTurnAsync_IdentifiesInQuickSuccession_AreSpacedFurtherAndFurtherApart()
    {
        Budget(remaining: 900, resetAfterMs: 0);
        var gate = Gate(new DiscordTimings { IdentifySpacing = TimeSpan.FromMilliseconds(40) });
        var times = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 4; i++)
        {
            await gate.WaitForTurnAsync(CancellationToken.None);
            times.Add(watch.Elapsed);
        }

        Assert.True(times[0] < TimeSpan.FromSeconds(1), $"first identify waited {times[0]}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(150), $"third identify after {times[2] - times[1]}");
        Assert.True(times[3] - times[2] >= TimeSpan.FromMilliseconds(300), $"fourth identify after {times[3] - times[2]}");
    }

    [Fact]
    public async Task WaitForTurnAsync_SpacingCap_BoundsTheWait()
    {
        Budget(remaining: 900, resetAfterMs: 0);
        var gate = Gate(new DiscordTimings { IdentifySpacing = TimeSpan.FromMilliseconds(40), IdentifySpacingMax = TimeSpan.FromMilliseconds(60) });
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
        {
            await gate.WaitForTurnAsync(CancellationToken.None);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    private void Budget(int remaining, long resetAfterMs) =>
        _rest.Setup(rest => rest.GetGatewayBotAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GatewayBotInfo("wss://gateway.example", new SessionStartLimit(1000, remaining, resetAfterMs, 1)));

    private IdentifyGate Gate(DiscordTimings timings) => new(_rest.Object, timings, TimeProvider.System, NullLogger<IdentifyGate>.Instance);
}
