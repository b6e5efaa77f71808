using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Tests.Commands;

public class SlashCommandCatalogTests
{
    [Fact]
    public void Definitions_Always_AreTheNineDocumentedCommands() =>
        Assert.Equal(["ask", "sources", "status", "help", "reindex", "source", "alias", "audit", "gaps"], SlashCommandCatalog.Definitions.Select(definition => definition.Name));

    [Fact]
    public void Definitions_ModeratorCommands_AreHiddenFromMembersWithoutManageServerAndServerOnly()
    {
        string[] moderatorOnly = ["reindex", "source", "audit", "gaps"];
        Assert.All(SlashCommandCatalog.Definitions.Where(definition => moderatorOnly.Contains(definition.Name)), definition =>
        {
            Assert.Equal("32", definition.DefaultMemberPermissions);
            Assert.Equal([CommandContexts.Guild], definition.Contexts);
        });
        Assert.All(SlashCommandCatalog.Definitions.Where(definition => !moderatorOnly.Contains(definition.Name)), definition => Assert.Null(definition.DefaultMemberPermissions));
    }

    [Fact]
    public void Definitions_SourceAdd_TakesARequiredAttachmentAndRemoveAutocompletesTheName()
    {
        var source = SourceCommand.Registration.Options!.ToDictionary(option => option.Name);

        Assert.Equal(["add", "remove", "list"], source.Keys);
        Assert.Equal((ApplicationCommandOptionType.Attachment, true), (source["add"].Options![0].Type, source["add"].Options![0].Required));
        Assert.Equal(true, source["remove"].Options![0].Autocomplete);
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
            Assert.All((definition.Options ?? []).SelectMany(option => (option.Options ?? []).Prepend(option)), option =>
            {
                Assert.Matches("^[-_a-z0-9]{1,32}$", option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
            });
        });
}
