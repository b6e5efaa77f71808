using System.Net;
using System.Text.Json.Nodes;
using ChatBrief.Core.Feedback;
using ChatBrief.Tests.Discord.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBrief.Tests.Teams;

/// <summary>The Teams door over real HTTP: the host, its real core over the seeds, and a Bot Framework stand-in.</summary>
public sealed class TeamsEndToEndTests(TeamsDoorFixture fixture) : IClassFixture<TeamsDoorFixture>
{
    private const string AppId = TeamsDoorFixture.AppId;
    private const string Question = "How many people are on the SDF cyber defense team?";

    private BotFrameworkStandIn BotFramework => fixture.BotFramework;

    private TeamsHost Host => fixture.Host;

    [Fact]
    public async Task PostActivity_ValidToken_RepliesWithAnswerCardToTheActivity()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, Question);

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await BotFramework.WaitForReplyAsync(conversation, Id(activity));
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Id(activity)}", reply.RawTarget);
        Assert.Equal($"Bearer {BotFrameworkStandIn.BotToken}", reply.Authorization);
        var card = CardReader.Card(reply);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("150 people", CardReader.Text(reply));
        Assert.Contains("paragraph", CardReader.Text(reply));
        Assert.Contains(CardReader.Runs(card["body"]!), run => run["weight"]?.GetValue<string>() == "Bolder" && run["text"]!.GetValue<string>().Contains("150 people"));
        Assert.Equal(["Show context", "More results"], CardReader.SubmitActions(card).Select(a => a["title"]!.GetValue<string>()).Distinct());
        Assert.Equal(Id(activity), reply.Json["replyToId"]!.GetValue<string>());
        Assert.Equal($"28:{AppId}", reply.Json["from"]!["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(reply.Json["summary"]?.GetValue<string>()));
        var citation = reply.Json["entities"]![0]!["citation"]![0]!;
        Assert.Equal(1, citation["position"]!.GetValue<int>());
        Assert.Contains("[1]", reply.Json["text"]!.GetValue<string>());
        Assert.Contains("150 people", citation["appearance"]!["abstract"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostActivity_MessageExtensionQuery_AnsweredInTheResponseWithCitedPassageCards()
    {
        var activity = TeamsActivities.PersonalMessage(AppId, BotFramework.ServiceUrl, $"a:{Guid.NewGuid():N}", "");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";
        activity["value"] = JsonNode.Parse("""{"commandId":"searchSources","parameters":[{"name":"question","value":"SDF cyber defense team size"}],"queryOptions":{"skip":0,"count":25}}""");

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal("result", result["type"]!.GetValue<string>());
        var first = result["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", first["contentType"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.thumbnail", first["preview"]!["contentType"]!.GetValue<string>());
        Assert.Contains("paragraph", first["content"]!.ToJsonString());
    }

    [Fact]
    public async Task PostActivity_PersonalChatWithoutMention_Answers()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        var activity = TeamsActivities.PersonalMessage(AppId, BotFramework.ServiceUrl, conversation, "Who is Kate Polit?");

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        var text = CardReader.Text(await BotFramework.WaitForReplyAsync(conversation, Id(activity)));
        Assert.Contains("Assistant Copy & Production Editor", text);
    }

    [Fact]
    public async Task PostActivity_QuestionInAPersonalChat_ShowsTypingBeforeTheReply()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.PersonalMessage(AppId, BotFramework.ServiceUrl, conversation, Question);

        using var response = await Host.PostActivityAsync(activity, ValidToken());
        await BotFramework.WaitForReplyAsync(conversation, Id(activity));

        var typing = BotFramework.ActivitiesFor(conversation)[0];
        Assert.Equal(BotFrameworkStandIn.ConversationPath(conversation), typing.RawTarget);
        Assert.Equal("typing", typing.Json["type"]!.GetValue<string>());
        Assert.Equal($"Bearer {BotFrameworkStandIn.BotToken}", typing.Authorization);
    }

    [Fact]
    public async Task PostActivity_UnansweredQuestion_AbstainsInDiscordWording()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, "What is the recipe for a good sourdough bread?");

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        var text = CardReader.Text(await BotFramework.WaitForReplyAsync(conversation, Id(activity)));
        Assert.StartsWith("The sources don't answer this question.", text);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "wrong audience",
        "wrong issuer",
        "expired",
        "serviceurl mismatch",
        "unknown key",
        "key not endorsed for msteams",
        "not a JWT",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task PostActivity_BadToken_Returns401AndSendsNothing(string problem)
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, Question);
        var serviceUrl = BotFramework.ServiceUrl;
        var token = problem switch
        {
            "wrong audience" => BotFramework.IssueToken(Guid.NewGuid().ToString(), serviceUrl),
            "wrong issuer" => BotFramework.IssueToken(AppId, serviceUrl, issuer: "https://sts.windows.net/tenant-1/"),
            "expired" => BotFramework.IssueToken(AppId, serviceUrl, expiresIn: TimeSpan.FromMinutes(-10)),
            "serviceurl mismatch" => BotFramework.IssueToken(AppId, "https://smba.trafficmanager.net/emea/"),
            "unknown key" => BotFramework.IssueToken(AppId, serviceUrl, keyId: BotFrameworkStandIn.UnpublishedKeyId),
            "key not endorsed for msteams" => BotFramework.IssueToken(AppId, serviceUrl, keyId: BotFrameworkStandIn.WebChatKeyId),
            _ => "not-a-jwt",
        };

        using var response = await Host.PostActivityAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(BotFramework.ActivitiesFor(conversation));
    }

    [Fact]
    public async Task PostActivity_NoToken_Returns401AndSendsNothing()
    {
        var conversation = TeamsActivities.NewChannelConversationId();

        using var response = await Host.PostActivityAsync(TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, Question), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(BotFramework.ActivitiesFor(conversation));
    }

    [Fact]
    public async Task PostActivity_ServiceHostNotAllowed_Returns401AndSendsNothing()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var serviceUrl = BotFramework.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var activity = TeamsActivities.Message(AppId, serviceUrl, conversation, Question);

        using var response = await Host.PostActivityAsync(activity, BotFramework.IssueToken(AppId, serviceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(BotFramework.ActivitiesFor(conversation));
    }

    [Fact]
    public async Task PostActivity_MalformedBody_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{not json", null, "application/json") };
        request.Headers.Authorization = new("Bearer", ValidToken());

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_SameActivityRetried_AnsweredOnce()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, Question);

        using var first = await Host.PostActivityAsync(activity, ValidToken());
        using var retry = await Host.PostActivityAsync(activity, ValidToken());
        await BotFramework.WaitForReplyAsync(conversation, Id(activity));
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(BotFramework.ActivitiesFor(conversation), r => r.Json["type"]!.GetValue<string>() == "message");
    }

    [Fact]
    public async Task PostActivity_ReindexFromNonModerator_RefusedPolitely()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, "reindex");

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        var text = CardReader.Text(await BotFramework.WaitForReplyAsync(conversation, Id(activity)));
        Assert.Contains("Sorry, only moderators can reindex", text);
    }

    [Fact]
    public async Task PostActivity_ReindexFromModerator_ReportsTheRebuild()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, "reindex", aadObjectId: TeamsActivities.ModeratorAadObjectId);

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        var report = await BotFramework.WaitForActivityAsync(conversation, r => r.Json["type"]!.GetValue<string>() == "message" && CardReader.Text(r).StartsWith("Reindexed"));
        Assert.Contains("3 documents", CardReader.Text(report));
    }

    [Fact]
    public async Task PostActivity_ShowContextSubmit_RepliesWithSurroundingParagraphs()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var value = new JsonObject { ["chatbrief"] = "context", ["source"] = "000_a0faeb7ade4ac0d7.txt", ["passage"] = 2 };
        var activity = TeamsActivities.CardSubmit(AppId, BotFramework.ServiceUrl, conversation, value);

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        var text = CardReader.Text(await BotFramework.WaitForReplyAsync(conversation, Id(activity)));
        Assert.Contains("Paragraph 1", text);
        Assert.Contains("Paragraph 3", text);
        Assert.Contains("Article 5 of the US-Japan Security Treaty", text);
    }

    [Fact]
    public async Task PostActivity_MoreResultsSubmit_RepliesWithTheNextResults()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var value = new JsonObject { ["chatbrief"] = "more", ["question"] = Question, ["skip"] = 1 };
        var activity = TeamsActivities.CardSubmit(AppId, BotFramework.ServiceUrl, conversation, value);

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        var card = CardReader.Card(await BotFramework.WaitForReplyAsync(conversation, Id(activity)));
        var more = CardReader.SubmitActions(card).LastOrDefault(a => a["title"]!.GetValue<string>() == "More results");
        Assert.True(more is null || more["data"]!["skip"]!.GetValue<int>() > 1);
    }

    [Fact]
    public async Task PostActivity_BotAddedToConversation_SendsWelcome()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.BotAdded(AppId, BotFramework.ServiceUrl, conversation);

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        var text = CardReader.Text(await BotFramework.WaitForReplyAsync(conversation, Id(activity)));
        Assert.StartsWith("Hello! I'm ChatBrief.", text);
    }

    [Fact]
    public async Task PostActivity_ConnectorThrottles_RetriesUntilDelivered()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, "help");
        BotFramework.ThrottleConversation(conversation, count: 1);

        using var response = await Host.PostActivityAsync(activity, ValidToken());

        await BotFramework.WaitForActivityAsync(conversation, _ => BotFramework.ActivitiesFor(conversation).Count >= 2);
        var attempts = BotFramework.ActivitiesFor(conversation);
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.EndsWith("/activities/" + Id(activity), a.RawTarget));
    }

    [Fact]
    public async Task PostActivity_ManyReplies_TokenRequestedOnceWithClientCredentials()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var activity = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, "status");
        using var response = await Host.PostActivityAsync(activity, ValidToken());
        await BotFramework.WaitForReplyAsync(conversation, Id(activity));

        var tokenRequest = Assert.Single(BotFramework.Requests, r => r.RawTarget.StartsWith("/tenant/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body);
        Assert.Contains($"client_id={AppId}", tokenRequest.Body);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", tokenRequest.Body);
    }

    [Fact]
    public async Task FeedbackInvoke_OnAnAnswer_IsAnsweredWithAnEmpty200AndRecordedAgainstIt()
    {
        var conversation = TeamsActivities.NewChannelConversationId();
        var question = TeamsActivities.Message(AppId, BotFramework.ServiceUrl, conversation, Question);
        await Host.PostActivityAsync(question, ValidToken());
        var reply = await BotFramework.WaitForReplyAsync(conversation, Id(question));
        var feedback = Host.Services.GetRequiredService<FeedbackLog>();
        await feedback.FlushAsync();
        // The door links its answer to the message once Teams has returned the message's id, just after the reply arrives.
        await Eventually.HappensAsync(() => Query("SELECT message_ref FROM questions WHERE message_ref LIKE $prefix", $"teams:{conversation}:%").Any());
        var sentId = LinkedMessageId(conversation);

        using var response = await Host.PostActivityAsync(TeamsActivities.FeedbackInvoke(AppId, BotFramework.ServiceUrl, conversation, sentId, "dislike", "Not this passage."), ValidToken());
        // The vote and its comment may reach the log one write after the other.
        await Eventually.HappensAsync(() => Votes(conversation) is [(_, not null)]);

        Assert.Equal("default", reply.Json["channelData"]!["feedbackLoop"]!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal((-1, "Not this passage."), Votes(conversation).Single());
    }

    private string DataFile => Path.Combine(Path.GetFullPath(Host.Services.GetRequiredService<IOptions<DataOptions>>().Value.Path), SqliteFeedbackStore.FileName);

    private string LinkedMessageId(string conversation) =>
        ((string)Query("SELECT message_ref FROM questions WHERE message_ref LIKE $prefix", $"teams:{conversation}:%").Single()[0])[$"teams:{conversation}:".Length..];

    private List<(long Vote, string? Comment)> Votes(string conversation) =>
        Query("SELECT v.vote, v.comment FROM votes v JOIN questions q ON q.answer_id = v.answer_id WHERE q.message_ref LIKE $prefix", $"teams:{conversation}:%")
            .Select(row => ((long)row[0], row[1] as string)).ToList();

    /// <summary>Reads the host's question log beside it, as another program would.</summary>
    private List<object[]> Query(string sql, string prefix)
    {
        using var connection = new SqliteConnection($"Data Source={DataFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$prefix", prefix);
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row.Select(value => value is DBNull ? null! : value).ToArray());
        }

        return rows;
    }

    private string ValidToken() => BotFramework.IssueToken(AppId, BotFramework.ServiceUrl);

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();
}
