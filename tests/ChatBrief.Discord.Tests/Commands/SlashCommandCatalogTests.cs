using ChatBrief.Discord.Commands;

namespace ChatBrief.Discord.Tests.Commands;

public class SlashCommandCatalogTests
{
    [Fact]
    public void Definitions_Always_AreTheFiveDocumentedCommands() =>
        Assert.Equal(["ask", "sources", "status", "help", "reindex"], SlashCommandCatalog.Definitions.Select(definition => definition.Name));

    [Fact]
    public void Definitions_Reindex_IsHiddenFromMembersWithoutManageServerAndServerOnly()
    {
        var reindex = SlashCommandCatalog.Definitions.Single(definition => definition.Name == "reindex");

        Assert.Equal("32", reindex.DefaultMemberPermissions);
        Assert.Equal([CommandContexts.Guild], reindex.Contexts);
        Assert.All(SlashCommandCatalog.Definitions.Where(definition => definition.Name != "reindex"), definition => Assert.Null(definition.DefaultMemberPermissions));
    }

    [Fact]
    public void Definitions_Ask_HasARequiredAutocompletedQuestion()
    {
        var question = Assert.Single(AskCommand.Registration.Options!);

        Assert.Equal(("question", true, true), (question.Name, question.Required, question.Autocomplete));
    }

    [Fact]
    public void Definitions_NamesAndDescriptions_RespectDiscordRules() =>
        Assert.All(SlashCommandCatalog.Definitions, definition =>
        {
            Assert.Matches("^[-_a-z0-9]{1,32}$", definition.Name);
            Assert.InRange(definition.Description.Length, 1, 100);
            Assert.All(definition.Options ?? [], option => Assert.InRange(option.Description.Length, 1, 100));
        });
}
