using System.Text.Json;
using ChatBrief.Core.Answers;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Tests.Support;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static AnswerPassage Passage(int rank = 1, string text = "The treaty covers cyberattacks. It was signed in Tokyo. Both sides agreed.", string best = "It was signed in Tokyo.", string source = "000_a0faeb7ade4ac0d7.txt", int passage = 4, IReadOnlyList<PassageReference>? alsoIn = null) =>
        SentenceMarking.Mark(new(rank, $"{source}#{passage}", source, "Allies in space", "A. Writer", passage, text, best, 12.5, alsoIn ?? []));

    public static Answer Answer(params AnswerPassage[] results) =>
        new("who signed?", false, results) { IndexBuiltAt = Now.AddHours(-3) };

    public static Interaction Command(string name, object? options = null, GuildMember? member = null, string? guildId = "900") =>
        new("1", "42", InteractionType.ApplicationCommand, "tok", new InteractionData(name, OptionsOf(options)), guildId, "700", member, member is null ? new DiscordUser("5") : null);

    public static Interaction Button(string customId, ReceivedMessage? message) =>
        new("2", "42", InteractionType.MessageComponent, "tok", new InteractionData(CustomId: customId), "900", "700", new GuildMember(new DiscordUser("5"), [], "0"), Message: message);

    public static GuildMember Member(ulong permissions, params string[] roles) => new(new DiscordUser("5", "someone"), roles, permissions.ToString());

    public static ReceivedMessage MessageWithTitle(string title) => new("m1", "700", Embeds: [new Embed(title, "quote")]);

    private static IReadOnlyList<CommandOption>? OptionsOf(object? options) =>
        options is null ? null : JsonSerializer.SerializeToElement(options).EnumerateObject()
            .Select(property => new CommandOption(property.Name, property.Value.ValueKind == JsonValueKind.String ? 3 : 5, property.Value.Clone()))
            .ToList();
}
