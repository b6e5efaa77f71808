using System.Text.Json;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Interactions;

/// <summary>👍/👎 on answers, the reason form, and what the feedback log is told.</summary>
public sealed class FeedbackTests : IDisposable
{
    private readonly Handlers _handlers = new();

    public FeedbackTests() =>
        _handlers.Answers.Setup(answers => answers.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.Answer(Samples.Passage()));

    public void Dispose() => _handlers.Dispose();

    [Fact]
    public async Task Ask_NewQuestion_IsLoggedAndItsAnswerCarriesThumbsUpAndDown()
    {
        await _handlers.Feedback.StartAsync(CancellationToken.None);

        var message = Message(await new AskCommand(_handlers.Composer, _handlers.Responder).HandleAsync(Samples.Command("ask", new { question = "who signed?" }), CancellationToken.None));
        await _handlers.Feedback.FlushAsync();

        var feedback = message.Components[^1].Components;
        Assert.Equal(["👍", "👎"], feedback.Select(b => b.Label));
        var answerId = feedback[0].CustomId.Split(':')[^1];
        Assert.Equal([$"cb1:up:0:{answerId}", $"cb1:down:0:{answerId}"], feedback.Select(b => b.CustomId));
        _handlers.Store.Verify(s => s.AddQuestion(answerId, Samples.Now, "discord", "5", false, It.Is<IReadOnlyList<ShownPassage>>(p => p.Single() == new ShownPassage("000_a0faeb7ade4ac0d7.txt", 4)), It.IsAny<TimeSpan>(), null));
    }

    [Fact]
    public void Build_Abstention_CarriesTheFeedbackRowButAPageOfResultsDoesNot()
    {
        var builder = new AnswerMessageBuilder(_handlers.Clock);
        var abstention = new Answer("who designed the lighthouse?", true, [Samples.Passage()]);

        Assert.Equal("cb1:down:0:abc123", builder.Build("who designed the lighthouse?", abstention, 0, 3, "abc123").Components[^1].Components[1].CustomId);
        Assert.DoesNotContain(builder.Build("who signed?", Samples.Answer(Samples.Passage()), 3, 3).Components.SelectMany(r => r.Components), b => b.Label is "👍" or "👎");
    }

    [Fact]
    public async Task ThumbsUp_TwiceThenChanged_IsRecordedPerPressAndThankedPrivately()
    {
        await _handlers.Feedback.StartAsync(CancellationToken.None);

        var response = await Components().HandleAsync(Samples.Button("cb1:up:0:abc123", Samples.MessageWithTitle("who signed?")), CancellationToken.None);
        await Components().HandleAsync(Samples.Button("cb1:up:0:abc123", Samples.MessageWithTitle("who signed?")), CancellationToken.None);
        await _handlers.Feedback.FlushAsync();

        var reply = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(reply.IsEphemeral);
        Assert.Equal(FeedbackHandler.ThanksUp, reply.Content);
        _handlers.Store.Verify(s => s.SetVote("abc123", "discord", "5", Vote.Up, Samples.Now, null), Times.Exactly(2));
    }

    [Fact]
    public async Task ThumbsDown_RecordsTheVoteWithTheQuestionAndOpensTheReasonForm()
    {
        await _handlers.Feedback.StartAsync(CancellationToken.None);

        var response = await Components().HandleAsync(Samples.Button("cb1:down:0:abc123", Samples.MessageWithTitle("who signed?")), CancellationToken.None);
        await _handlers.Feedback.FlushAsync();

        Assert.Equal(InteractionCallbackType.Modal, response.Type);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(response, DiscordJson.Options));
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(9, json.RootElement.GetProperty("type").GetInt32());
        Assert.Equal("cb1:why:0:abc123", data.GetProperty("custom_id").GetString());
        var select = data.GetProperty("components")[0];
        Assert.Equal((18, 3), (select.GetProperty("type").GetInt32(), select.GetProperty("component").GetProperty("type").GetInt32()));
        Assert.Equal(["wrong_passage", "outdated", "missing_information", "other"],
            select.GetProperty("component").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));
        Assert.Equal(4, data.GetProperty("components")[1].GetProperty("component").GetProperty("type").GetInt32());
        _handlers.Store.Verify(s => s.SetVote("abc123", "discord", "5", Vote.Down, Samples.Now, "who signed?"));
    }

    [Fact]
    public async Task ReasonForm_Submitted_StoresTheReasonAndCommentAndThanksPrivately()
    {
        await _handlers.Feedback.StartAsync(CancellationToken.None);
        var submitted = JsonSerializer.Deserialize<Interaction>("""
            {"id": "3", "application_id": "42", "type": 5, "token": "tok", "guild_id": "900", "channel_id": "700",
             "member": {"user": {"id": "5"}, "roles": [], "permissions": "0"},
             "data": {"custom_id": "cb1:why:0:abc123", "components": [
               {"type": 18, "id": 1, "component": {"type": 3, "id": 2, "custom_id": "reason", "values": ["outdated"]}},
               {"type": 18, "id": 3, "component": {"type": 4, "id": 4, "custom_id": "comment", "value": "  The figures are from 2019. "}}]}}
            """, DiscordJson.Options)!;

        var response = await Dispatcher().DispatchAsync(submitted, CancellationToken.None);
        await _handlers.Feedback.FlushAsync();

        Assert.Equal(FeedbackHandler.ThanksDown, Assert.IsType<OutgoingMessage>(response.Data).Content);
        Assert.True(((OutgoingMessage)response.Data!).IsEphemeral);
        _handlers.Store.Verify(s => s.SetReason("abc123", "5", DownReason.Outdated, "The figures are from 2019."));
    }

    [Fact]
    public async Task Ask_DatabaseUnusable_AnswersWithoutFeedbackButtons()
    {
        _handlers.Store.Setup(s => s.Open()).Throws(new FeedbackStoreException("The feedback database x is locked by another program."));
        await _handlers.Feedback.StartAsync(CancellationToken.None);
        await _handlers.Feedback.FlushAsync();

        var message = Message(await new AskCommand(_handlers.Composer, _handlers.Responder).HandleAsync(Samples.Command("ask", new { question = "who signed?" }), CancellationToken.None));
        var vote = await Components().HandleAsync(Samples.Button("cb1:up:0:abc123", Samples.MessageWithTitle("who signed?")), CancellationToken.None);

        Assert.Contains("cyberattacks", message.Embeds[0].Description);
        Assert.DoesNotContain(message.Components.SelectMany(r => r.Components), b => b.Label is "👍" or "👎");
        Assert.Equal(FeedbackHandler.NotRecording, Assert.IsType<OutgoingMessage>(vote.Data).Content);
        _handlers.Store.Verify(s => s.AddQuestion(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<IReadOnlyList<ShownPassage>>(), It.IsAny<TimeSpan>(), It.IsAny<string?>()), Times.Never);
    }

    private static OutgoingMessage Message(InteractionResponse response) => Assert.IsType<OutgoingMessage>(response.Data);

    private ComponentHandler Components() =>
        _handlers.Components();

    private InteractionDispatcher Dispatcher() =>
        new([], Components(), new AutocompleteHandler(_handlers.Answers.Object, _handlers.Timings, TimeProvider.System, NullLogger<AutocompleteHandler>.Instance), NullLogger<InteractionDispatcher>.Instance);
}
