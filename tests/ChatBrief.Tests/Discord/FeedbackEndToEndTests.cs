using System.Text.Json;
using ChatBrief.Core.Feedback;
using ChatBrief.Tests.Discord.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBrief.Tests.Discord;

/// <summary>👍/👎 through the real host and its SQLite question log, over the canned core.</summary>
public sealed class FeedbackEndToEndTests
{
    [Fact]
    public async Task Vote_OnAnAnswer_IsRecordedOnceAndChangeable()
    {
        await using var host = await DiscordHost.StartAsync(withGateway: false, inMemory: true);

        var answer = await AskAsync(host, "who signed?");
        var buttons = answer.GetProperty("components").EnumerateArray().Last().GetProperty("components").EnumerateArray().ToList();
        var message = new { id = "500", channel_id = "700", embeds = answer.GetProperty("embeds") };
        var up = await PressAsync(host, buttons[0].GetProperty("custom_id").GetString()!, message);
        await PressAsync(host, buttons[0].GetProperty("custom_id").GetString()!, message);
        var down = await PressAsync(host, buttons[1].GetProperty("custom_id").GetString()!, message);
        await host.Services.GetRequiredService<FeedbackLog>().FlushAsync();

        Assert.Equal(["👍", "👎"], buttons.Select(b => b.GetProperty("label").GetString()));
        Assert.Equal((4, 64), (up.GetProperty("type").GetInt32(), up.GetProperty("data").GetProperty("flags").GetInt32()));
        Assert.Equal(9, down.GetProperty("type").GetInt32());
        using var store = new SqliteFeedbackStore(Options.Create(new DataOptions { Path = host.DataPath }));
        store.Open();
        var logged = Assert.Single(store.QuestionsSince(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal((Vote.Down, "who signed?"), (Assert.Single(logged.Votes).Vote, logged.Question));
    }

    [Fact]
    public async Task Ask_DamagedDatabase_AnswersWithoutButtonsAndLogsWhy()
    {
        await using var host = await DiscordHost.StartAsync(withGateway: false, inMemory: true, configure: builder =>
        {
            var folder = builder.Configuration["Data:Path"]!;
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, SqliteFeedbackStore.FileName), new string('x', 4096));
        });
        await host.Services.GetRequiredService<FeedbackLog>().FlushAsync();

        var answer = await AskAsync(host, "who signed?");

        Assert.NotEmpty(answer.GetProperty("embeds").EnumerateArray());
        Assert.DoesNotContain("👍", answer.GetRawText());
        Assert.Contains(host.Log.Lines(), line => line.Contains("Questions and feedback are not being logged") && line.Contains("is damaged or is not a SQLite database"));
    }

    private static async Task<JsonElement> AskAsync(DiscordHost host, string question)
    {
        using var response = await host.PostInteractionAsync(DiscordPayloads.Command("ask", [new { name = "question", type = 3, value = question }]));
        return (await response.JsonAsync()).GetProperty("data");
    }

    private static async Task<JsonElement> PressAsync(DiscordHost host, string customId, object message)
    {
        using var response = await host.PostInteractionAsync(DiscordPayloads.Button(customId, message));
        return await response.JsonAsync();
    }
}
