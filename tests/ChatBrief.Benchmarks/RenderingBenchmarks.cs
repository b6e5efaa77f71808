using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatBrief.Core.Answers;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Model;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBrief.Benchmarks;

/// <summary>One answer rendered for each door, up to the bytes that go on the wire.</summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private const string TeamsActivity = """
        {"type":"message","id":"1700000000001","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/amer/",
         "from":{"id":"29:user","name":"Avery","aadObjectId":"aaaaaaaa-0000-0000-0000-000000000001"},
         "recipient":{"id":"28:00000000-0000-0000-0000-000000000000","name":"ChatBrief"},
         "conversation":{"id":"19:abc@thread.tacv2;messageid=1700000000001","conversationType":"channel","tenantId":"t"},
         "text":"<at>ChatBrief</at> What did Iwaya say about the F-35A?"}
        """;

    private readonly AnswerMessageBuilder _discord = new(TimeProvider.System);
    private readonly OutgoingActivityFactory _teams = new(NullLogger<OutgoingActivityFactory>.Instance);
    private readonly InboundActivity _activity = InboundActivity.TryParse(Encoding.UTF8.GetBytes(TeamsActivity))!;
    private Answer _answer = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var seeds = SeedsIndex.Open();
        _answer = seeds.Answers.AskAsync(new AskRequest(SeedsIndex.Question, 3)).GetAwaiter().GetResult();
    }

    /// <summary>The /ask response: message, embeds and buttons, serialised as the interactions endpoint writes it.</summary>
    [Benchmark]
    public string DiscordInteractionResponse() =>
        JsonSerializer.Serialize(InteractionResponse.Message(_discord.Build(SeedsIndex.Question, _answer, 0, 3, "answer-1")), DiscordJson.Options);

    /// <summary>The Teams reply: cited text and Adaptive Card, addressed, size-checked and serialised as the connector sends it.</summary>
    [Benchmark]
    public string TeamsReplyActivity() =>
        _teams.Reply(_activity, AnswerMessages.Answer(_answer, 0, _answer.Results.Count, offerMore: true, DateTimeOffset.UtcNow)).ToJsonString(OutgoingActivityFactory.JsonOptions);
}
