using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Interactions;

public class InteractionDispatcherTests
{
    [Fact]
    public async Task DispatchAsync_Ping_AnswersPong()
    {
        var response = await Dispatcher().DispatchAsync(new Interaction("1", "42", InteractionType.Ping, "tok"), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.Pong, response.Type);
    }

    [Fact]
    public async Task DispatchAsync_CommandThrows_AnswersPolitelyAndPrivatelyInsteadOfFailing()
    {
        var failing = new Mock<ISlashCommand>();
        failing.Setup(command => command.Definition).Returns(new ApplicationCommandDefinition("status", "d"));
        failing.Setup(command => command.HandleAsync(It.IsAny<Interaction>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk"));

        var response = await Dispatcher(failing.Object).DispatchAsync(Samples.Command("status"), CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.SomethingWentWrong, message.Content);
    }

    [Fact]
    public async Task DispatchAsync_IndexStillBeingBuilt_AsksToTryAgainShortly()
    {
        var building = new Mock<ISlashCommand>();
        building.Setup(command => command.Definition).Returns(new ApplicationCommandDefinition("ask", "d"));
        building.Setup(command => command.HandleAsync(It.IsAny<Interaction>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ChatBrief.Core.Indexing.IndexNotReadyException());

        var response = await Dispatcher(building.Object).DispatchAsync(Samples.Command("ask"), CancellationToken.None);

        var message = Assert.IsType<OutgoingMessage>(response.Data);
        Assert.True(message.IsEphemeral);
        Assert.Equal(Replies.IndexNotReady, message.Content);
    }

    [Fact]
    public async Task DispatchAsync_UnknownCommand_PointsToHelp()
    {
        var response = await Dispatcher().DispatchAsync(Samples.Command("removed"), CancellationToken.None);

        Assert.Equal(Replies.UnknownCommand, Assert.IsType<OutgoingMessage>(response.Data).Content);
    }

    private static InteractionDispatcher Dispatcher(params ISlashCommand[] commands)
    {
        var handlers = new Handlers();
        var components = handlers.Components();
        var autocomplete = new AutocompleteHandler(handlers.Answers.Object, handlers.Timings, TimeProvider.System, NullLogger<AutocompleteHandler>.Instance);
        return new InteractionDispatcher(commands, components, autocomplete, NullLogger<InteractionDispatcher>.Instance);
    }
}
