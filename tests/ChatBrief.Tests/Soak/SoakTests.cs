using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatBrief.Core.Indexing;
using ChatBrief.Tests.Discord.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace ChatBrief.Tests.Soak;

/// <summary>Runs alone, after the other tests, so that the memory it reports is the host's and not a neighbour's.</summary>
[CollectionDefinition(nameof(SoakCollection), DisableParallelization = true)]
public sealed class SoakCollection;

/// <summary>
/// The soak: the real host on a loopback socket with the real core over the seeds, answering questions, "More results"
/// and "Show context" presses from several people at once while moderators reindex again and again, for
/// <see cref="SoakBudget.Duration"/>. It reports the managed heap and working set at start and end, and every answer
/// that failed, counting those asked while a reindex ran.
/// </summary>
[Collection(nameof(SoakCollection))]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Askers = 4;

    // 1,000 questions a minute (the highest limit the settings allow) each, asked round-robin: 100 people per asker stay
    // far below it even at tens of thousands of questions a minute.
    private const int PeoplePerAsker = 100;

    private static readonly string[] Questions =
    [
        "When was the US-Japan Security Treaty signed?",
        "What does Article 5 of the treaty cover?",
        "Who are the allies in cyberspace?",
        "What colour is the xylophone of the quokka zeppelin?",
    ];

    [Fact]
    public async Task Soak_QuestionsButtonsAndReindexes_NoAnswerFailsAndMemoryStaysBounded()
    {
        using var seeds = await SeedsWorkspace.WithIndexAsync("chatbrief-soak");
        await using var host = await DiscordHost.StartAsync(
            seeds: seeds,
            withGateway: false,
            inMemory: false,
            discord: server => server.Given(Request.Create().WithPath("/api/v10/webhooks/*").UsingPatch()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}")),
            configure: builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Limits:QuestionsPerMinute"] = "1000" });
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await Eventually.HappensAsync(() => host.Http.GetAsync(new Uri(host.BaseAddress, "/readyz")).Result.StatusCode == HttpStatusCode.OK);
        var index = host.Services.GetRequiredService<IIndexManager>();
        var tally = new SoakTally();
        await AskAsync(host, Questions[0], "0", index, tally);
        var start = Memory.Now();

        var until = DateTime.UtcNow + SoakBudget.Duration;
        var askers = Enumerable.Range(1, Askers).Select(person => Task.Run(() => AskUntilAsync(host, person.ToString(), until, index, tally)));
        var reindexes = ReindexUntilAsync(host, seeds, until, tally);
        await Task.WhenAll([.. askers, reindexes]);
        var end = Memory.Now();

        output.WriteLine($"soak {SoakBudget.Duration.TotalSeconds:0} s: {tally}");
        output.WriteLine($"managed heap {start.HeapMb:0.0} MB -> {end.HeapMb:0.0} MB; working set {start.WorkingSetMb:0} MB -> {end.WorkingSetMb:0} MB");
        Assert.True(tally.Reindexes > 0, "no reindex finished");
        Assert.True(tally.AnsweredDuringReindex > 0, "no question was asked while a reindex ran");
        Assert.Equal([], tally.Failures);
        Assert.True(end.HeapMb < start.HeapMb + 100, $"the managed heap grew from {start.HeapMb:0} MB to {end.HeapMb:0} MB");
    }

    private static async Task AskUntilAsync(DiscordHost host, string person, DateTime until, IIndexManager index, SoakTally tally)
    {
        for (var round = 0; DateTime.UtcNow < until; round++)
        {
            // Each asker speaks for a crowd of people, so that no one of them goes past the per-person question limit,
            // however fast the machine answers.
            var asker = $"{person}{round % PeoplePerAsker:D3}";
            var question = Questions[round % Questions.Length];
            var answer = await AskAsync(host, question, asker, index, tally);
            if (answer is not { } data)
            {
                continue;
            }

            var message = new { id = "500", channel_id = "700", embeds = new[] { new { title = question } } };
            await PressAsync(host, "cb1:page:3", message, asker, index, tally);
            if (Buttons(data).FirstOrDefault(id => id.StartsWith("cb1:ctx:", StringComparison.Ordinal)) is { } showContext)
            {
                await PressAsync(host, showContext, message, asker, index, tally);
            }
        }
    }

    /// <summary>A moderator's /reindex, full every other time, each after a source changed, one at a time until the time is up.</summary>
    private static async Task ReindexUntilAsync(DiscordHost host, SeedsWorkspace seeds, DateTime until, SoakTally tally)
    {
        var changing = Path.Combine(seeds.SourcesPath, "soak-notes.txt");
        for (var round = 0; DateTime.UtcNow < until; round++)
        {
            File.AppendAllText(changing, $"Soak note {round}: the committee met again and agreed on item {round}.\n\n");
            var token = $"soak-reindex-{round}";
            var full = round % 2 == 1;
            using var response = await host.PostInteractionAsync(DiscordPayloads.Command("reindex", [new { name = "full", type = 5, value = full }], permissions: "32", token: token, userId: "9"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Eventually.HappensAsync(
                () => host.Discord.LogEntries.Any(entry => entry.RequestMessage?.Path.Contains(token, StringComparison.Ordinal) == true && entry.RequestMessage.Body!.Contains("Reindex finished", StringComparison.Ordinal)),
                TimeSpan.FromMinutes(5));
            tally.ReindexFinished();
        }
    }

    private static async Task<JsonElement?> AskAsync(DiscordHost host, string question, string person, IIndexManager index, SoakTally tally)
    {
        var duringReindex = index.GetStatus().BuildProgress is not null;
        using var response = await host.PostInteractionAsync(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = question }], userId: person));
        return await tally.RecordAsync($"ask '{question}'", response, duringReindex);
    }

    private static async Task PressAsync(DiscordHost host, string customId, object message, string person, IIndexManager index, SoakTally tally)
    {
        var duringReindex = index.GetStatus().BuildProgress is not null;
        using var response = await host.PostInteractionAsync(DiscordPayloads.Button(customId, message, person));
        await tally.RecordAsync($"press {customId}", response, duringReindex);
    }

    private static IEnumerable<string> Buttons(JsonElement data) =>
        data.TryGetProperty("components", out var rows)
            ? rows.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).Select(button => button.GetProperty("custom_id").GetString()!)
            : [];

    private sealed record Memory(double HeapMb, double WorkingSetMb)
    {
        public static Memory Now()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            return new Memory(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, Process.GetCurrentProcess().WorkingSet64 / 1048576.0);
        }
    }
}
