using System.Text.Json;
using ChatBrief.Discord.Interactions;
using ChatBrief.Discord.Model;
using ChatBrief.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBrief.Discord.Tests.Interactions;

public class AutocompleteHandlerTests
{
    [Fact]
    public async Task HandleAsync_TypedPrefix_OffersSuggestionsThatFitAsChoices()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.SuggestAsync("cyb", 25, It.IsAny<CancellationToken>()))
            .ReturnsAsync(["cyber attacks", "Cyber Attacks", new string('x', 101), "cyber defence"]);

        var response = await Handler(handlers).HandleAsync(Typing("cyb"), CancellationToken.None);

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response.Type);
        Assert.Equal("""{"type":8,"data":{"choices":[{"name":"cyber attacks","value":"cyber attacks"},{"name":"cyber defence","value":"cyber defence"}]}}""", JsonSerializer.Serialize(response, DiscordJson.Options));
    }

    [Fact]
    public async Task HandleAsync_SuggestionsTooSlow_AnswersWithNoChoicesInTime()
    {
        using var handlers = new Handlers();
        handlers.Answers.Setup(answers => answers.SuggestAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns(new TaskCompletionSource<IReadOnlyList<string>>().Task);

        var response = await Handler(handlers).HandleAsync(Typing("cyb"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("""{"type":8,"data":{"choices":[]}}""", JsonSerializer.Serialize(response, DiscordJson.Options));
    }

    private static Interaction Typing(string text) =>
        new("3", "42", InteractionType.ApplicationCommandAutocomplete, "tok", new InteractionData("ask", [new CommandOption("question", 3, JsonSerializer.SerializeToElement(text), Focused: true)]));

    private static AutocompleteHandler Handler(Handlers handlers) =>
        new(handlers.Answers.Object, handlers.Timings, TimeProvider.System, NullLogger<AutocompleteHandler>.Instance);
}
