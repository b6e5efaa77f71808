using ChatBrief.Discord.Answers;
using ChatBrief.Discord.Tests.Support;

namespace ChatBrief.Discord.Tests.Answers;

public class QuestionTitleTests
{
    [Fact]
    public void ReadFrom_TitleWrittenForAQuestion_GivesTheQuestionBack()
    {
        const string question = "What does *the* treaty say about <@1> and _cyber_?";
        var (title, carried) = QuestionTitle.For(question);

        Assert.True(carried);
        Assert.Equal(question, QuestionTitle.ReadFrom(Samples.MessageWithTitle(title)));
    }

    [Fact]
    public void For_QuestionTooLongForATitle_IsShortenedAndNotCarried()
    {
        var (title, carried) = QuestionTitle.For(string.Join(' ', Enumerable.Repeat("why", 200)));

        Assert.False(carried);
        Assert.True(title.Length <= 256);
        Assert.Null(QuestionTitle.ReadFrom(Samples.MessageWithTitle(title)));
    }

    [Fact]
    public void ReadFrom_MessageWithoutEmbeds_GivesNull() =>
        Assert.Null(QuestionTitle.ReadFrom(new ChatBrief.Discord.Model.ReceivedMessage("m1")));
}
