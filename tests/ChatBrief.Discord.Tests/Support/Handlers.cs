using ChatBrief.Core;
using ChatBrief.Core.Answers;
using ChatBrief.Core.Feedback;
using ChatBrief.Core.Indexing;
using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Microsoft.Extensions.Time.Testing;

namespace ChatBrief.Discord.Tests.Support;

/// <summary>The pieces the handlers are built from, over mocks of the core and of Discord's REST API.</summary>
internal sealed class Handlers : IDisposable
{
    public Mock<IAnswerService> Answers { get; } = new();

    public Mock<IDiscordRestClient> Rest { get; } = new();

    /// <summary>Where the feedback log writes, once a test starts <see cref="Feedback"/>'s writer.</summary>
    public Mock<IFeedbackStore> Store { get; } = new();

    public FeedbackLog Feedback { get; }

    public FakeTimeProvider Clock { get; } = new(Samples.Now);

    public DiscordTimings Timings { get; init; } = new() { AnswerBudget = TimeSpan.FromMilliseconds(200), AutocompleteBudget = TimeSpan.FromMilliseconds(100), ProgressEditInterval = TimeSpan.FromMilliseconds(20) };

    public BackgroundWork Background { get; } = new(NullLogger<BackgroundWork>.Instance);

    public IOptions<DiscordOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new DiscordOptions { ApplicationId = "42", ModeratorRoleIds = ["mods"] });

    /// <summary>Shared by every composer built here, so that a test can use up a person's questions across handlers.</summary>
    public QuestionRateLimiter Pace { get; init; } = new(Microsoft.Extensions.Options.Options.Create(new LimitsOptions()), new FakeTimeProvider());

    public AnswerComposer Composer => new(Answers.Object, new AnswerMessageBuilder(Clock), Microsoft.Extensions.Options.Options.Create(new SearchOptions { Top = 3 }), Pace, Feedback);

    /// <summary>The component handler over these handlers' composer, answers and responder.</summary>
    public ComponentHandler Components(IIndexManager? index = null) =>
        new(Composer, Answers.Object, index ?? Mock.Of<IIndexManager>(), new ContextMessageBuilder(Clock), Responder, new FeedbackHandler(Feedback), NullLogger<ComponentHandler>.Instance);

    public DeadlineResponder Responder => new(Timings, Clock, Background, Rest.Object, NullLogger<DeadlineResponder>.Instance);

    public ModeratorPolicy Policy => new(Options);

    public Handlers()
    {
        Feedback = new FeedbackLog(Store.Object, Microsoft.Extensions.Options.Options.Create(new DataOptions()), Clock, NullLogger<FeedbackLog>.Instance);
        Rest.Setup(rest => rest.EditOriginalResponseAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback((string _, OutgoingMessage message, CancellationToken _) => Record(message))
            .Returns(Task.CompletedTask);
        Rest.Setup(rest => rest.CreateMessageAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback((string _, OutgoingMessage message, CancellationToken _) => Record(message))
            .Returns(Task.CompletedTask);
    }

    /// <summary>
    /// Lets the answer budget run out on the fake clock while the handler's work is still running, and returns its
    /// response; fails (instead of hanging) when the handler never responds.
    /// </summary>
    public async Task<InteractionResponse> RespondingPastTheBudgetAsync(Task<InteractionResponse> handling)
    {
        for (var tries = 0; tries < 2000 && !handling.IsCompleted; tries++)
        {
            Clock.Advance(Timings.AnswerBudget);
            await Task.WhenAny(handling, Task.Delay(5));
        }

        Assert.True(handling.IsCompleted, "The handler did not respond once its budget ran out.");
        return await handling;
    }

    /// <summary>Every message sent through <see cref="Rest"/> (edits and new messages), in order.</summary>
    public List<OutgoingMessage> Sent { get; } = [];

    /// <summary>Waits until background work has sent <paramref name="count"/> messages, with a generous bound.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> WaitForSentAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _sent.WaitAsync(TimeSpan.FromSeconds(10));
        }

        lock (Sent)
        {
            return Sent.ToList();
        }
    }

    private readonly SemaphoreSlim _sent = new(0);

    private void Record(OutgoingMessage message)
    {
        lock (Sent)
        {
            Sent.Add(message);
        }

        _sent.Release();
    }

    public void Dispose()
    {
        Feedback.Dispose();
        Background.Dispose();
    }
}
