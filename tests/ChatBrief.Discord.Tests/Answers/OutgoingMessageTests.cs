using System.Text.Json;
using ChatBrief.Discord.Model;

namespace ChatBrief.Discord.Tests.Answers;

public class OutgoingMessageTests
{
    [Fact]
    public void AsReplyTo_Message_ReferencesItWithoutPingingAnyone()
    {
        var reply = OutgoingMessage.Text("hello").AsReplyTo("77");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(reply, DiscordJson.Options));

        Assert.Equal("""{"parse":[],"replied_user":false}""", json.RootElement.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal("77", json.RootElement.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.False(json.RootElement.GetProperty("message_reference").GetProperty("fail_if_not_exists").GetBoolean());
    }

    [Fact]
    public void Text_Ephemeral_SetsFlag64AndParsesNoMentions()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(OutgoingMessage.Text("no", ephemeral: true), DiscordJson.Options));

        Assert.Equal(64, json.RootElement.GetProperty("flags").GetInt32());
        Assert.Equal("""{"parse":[]}""", json.RootElement.GetProperty("allowed_mentions").GetRawText());
        Assert.False(json.RootElement.TryGetProperty("is_ephemeral", out _));
    }

    [Fact]
    public void Text_LongerThan2000Characters_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => OutgoingMessage.Text(new string('a', 2001)));

    [Fact]
    public void Create_EmbedsOver6000CharactersTogether_AreRefused() =>
        Assert.Throws<InvalidOperationException>(() => OutgoingMessage.Create([new Embed(Description: new string('a', 4000)), new Embed(Description: new string('b', 2001))]));

    [Fact]
    public void Create_TwoButtonsWithOneCustomId_AreRefused() =>
        Assert.Throws<InvalidOperationException>(() => OutgoingMessage.Create([new Embed("t")], [new ActionRow([new Button(ButtonStyle.Primary, "a", "x"), new Button(ButtonStyle.Primary, "b", "x")])]));
}
