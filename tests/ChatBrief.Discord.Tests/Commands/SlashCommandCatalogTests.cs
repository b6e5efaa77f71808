using ChatBrief.Discord.Commands;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Tests.Commands;

public class SlashCommandCatalogTests
{
    [Fact]
    public void Definitions_Always_AreTheDocumentedCommands() =>
        Assert.Equal(["ask", "sources", "status", "help", "reindex", "source", "alias", "audit", "gaps", "Ask ChatBrief about this message"], SlashCommandCatalog.Definitions.Select(definition => definition.Name));

    [Fact]
    public void Definitions_ModeratorCommands_AreHiddenFromMembersWithoutManageServerAndServerOnly()
    {
        string[] moderatorOnly = ["reindex", "source", "audit", "gaps"];
        Assert.All(SlashCommandCatalog.Definitions.Where(definition => moderatorOnly.Contains(definition.Name)), definition =>
        {
            Assert.Equal("32", definition.DefaultMemberPermissions);
            Assert.Equal([CommandContexts.Guild], definition.Contexts);
            Assert.Equal([IntegrationTypeIds.GuildInstall], definition.IntegrationTypes);
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
    public void Definitions_EveryoneCommands_CanBeInstalledByAPersonAndUsedInServersBotDmsAndPrivateChannels() =>
        Assert.All(SlashCommandCatalog.Definitions.Where(definition => definition.DefaultMemberPermissions is null && definition.Name != "alias"), definition =>
        {
            Assert.Equal([0, 1, 2], definition.Contexts);
            Assert.Equal([0, 1], definition.IntegrationTypes);
        });

    [Fact]
    public void Definitions_MessageCommand_IsTypeThreeWithoutDescriptionAndAShortName()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(AskAboutMessageCommand.Registration, DiscordJson.Options);

        Assert.Equal("""{"name":"Ask ChatBrief about this message","contexts":[0,1,2],"type":3,"integration_types":[0,1]}""", json);
        Assert.InRange(AskAboutMessageCommand.Name.Length, 1, 32);
    }

    [Fact]
    public void Definitions_NamesAndDescriptions_RespectDiscordRules() =>
        Assert.All(SlashCommandCatalog.Definitions.Where(definition => definition.Type == ApplicationCommandType.ChatInput), definition =>
        {
            Assert.Matches("^[-_a-z0-9]{1,32}$", definition.Name);
            Assert.InRange(definition.Description!.Length, 1, 100);
            Assert.All((definition.Options ?? []).SelectMany(option => (option.Options ?? []).Prepend(option)), option =>
            {
                Assert.Matches("^[-_a-z0-9]{1,32}$", option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
            });
        });
}
