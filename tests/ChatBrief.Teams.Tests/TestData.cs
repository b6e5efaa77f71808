using System.Text.Json;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core;
using ChatBrief.Core.Indexing;
using ChatBrief.Teams.Connector;
using ChatBrief.Teams.Conversation;
using ChatBrief.Teams.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Auth;
using ChatBrief.Teams.Processing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Teams.Tests;

/// <summary>Activities, answers and settings shaped like the real ones.</summary>
internal static class TestData
{
    public const string BotId = "28:5f0e1c7a-3b2d-4e8f-9a61-0c2b7d4e8f13";
    public const string ModeratorId = "bbbbbbbb-0000-0000-0000-000000000002";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    public static InboundActivity Message(string text, string? aadObjectId = "aaaaaaaa-0000-0000-0000-000000000001", JsonElement? value = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000001",
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount("29:user", "Avery") { AadObjectId = aadObjectId },
        Recipient = new ChannelAccount(BotId, "ChatBrief"),
        Conversation = new ConversationAccount("19:abc@thread.tacv2;messageid=1700000000000") { ConversationType = "channel" },
        Text = text,
        Entities = [new ActivityEntity("mention") { Mentioned = new ChannelAccount(BotId, "ChatBrief"), Text = "<at>ChatBrief</at>" }],
        Value = value,
    };

    /// <summary>A feedback log whose writer is not started: what the doors record stays queued unless a test starts it.</summary>
    public static FeedbackLog Feedback(IFeedbackStore? store = null) =>
        new(store ?? Mock.Of<IFeedbackStore>(), Microsoft.Extensions.Options.Options.Create(new DataOptions()), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<FeedbackLog>.Instance);

    /// <summary>A turn handler over the given core and connector, wired as the host wires it.</summary>
    public static TurnHandler Handler(
        IAnswerService answers, IBotConnector connector, TimeProvider clock, IIndexManager index, ModeratorResponder moderation, QuestionRateLimiter? pace = null, FeedbackLog? feedback = null)
    {
        feedback ??= Feedback();
        var replier = new TurnReplier(connector, new OutgoingActivityFactory(NullLogger<OutgoingActivityFactory>.Instance), clock, NullLogger<TurnReplier>.Instance);
        return new TurnHandler(
            new QuestionResponder(answers, Microsoft.Extensions.Options.Options.Create(new SearchOptions { Top = 3 }), replier, clock, pace ?? Pace(), feedback),
            new IndexResponder(index, clock, NullLogger<IndexResponder>.Instance),
            moderation,
            new ModeratorPolicy(Options()),
            replier,
            new FeedbackResponder(feedback, NullLogger<FeedbackResponder>.Instance),
            NullLogger<TurnHandler>.Instance);
    }

    public static InboundTurn Turn(InboundActivity activity) =>
        new(activity, new ServiceUrlPolicy(Options(o => o.AllowedServiceHosts = [])).Trust(activity.ServiceUrl, authenticated: true)!);

    public static IOptions<TeamsOptions> Options(Action<TeamsOptions>? configure = null)
    {
        var options = new TeamsOptions
        {
            AppId = "5f0e1c7a-3b2d-4e8f-9a61-0c2b7d4e8f13",
            AppPassword = "secret",
            TenantId = "tenant-1",
            ModeratorAadObjectIds = [ModeratorId],
        };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    /// <summary>A passage split into sentences as the core splits them; <paramref name="best"/> (default: the whole text) is marked when it is one of them.</summary>
    public static AnswerPassage Passage(int rank, string text, string? best = null, string source = "000_a.txt", int passage = 4) =>
        SentenceMarking.Mark(new(rank, $"{source}#{passage}", source, "Allies and cyberspace", "Kate Polit", passage, text, best ?? text, 10 - rank, []));

    /// <summary>The per-person question limit, one or two questions a minute when a test wants to reach it.</summary>
    public static QuestionRateLimiter Pace(int questionsPerMinute = 10) =>
        new(Microsoft.Extensions.Options.Options.Create(new ChatBrief.Core.LimitsOptions { QuestionsPerMinute = questionsPerMinute }), new Microsoft.Extensions.Time.Testing.FakeTimeProvider());

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
