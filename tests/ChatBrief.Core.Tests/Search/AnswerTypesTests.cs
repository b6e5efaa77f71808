using ChatBrief.Core.Search;

namespace ChatBrief.Core.Tests.Search;

public class AnswerTypesTests
{
    [Theory]
    [InlineData("When was the treaty signed?", AnswerType.Time)]
    [InlineData("In what year did NATO agree?", AnswerType.Time)]
    [InlineData("How many people are on the team?", AnswerType.Number)]
    [InlineData("Who is Kate Polit?", AnswerType.Name)]
    [InlineData("Where was the meeting held?", AnswerType.Name)]
    [InlineData("What did Iwaya say about the F-35A?", AnswerType.Unknown)]
    public void Expected_QuestionOpening_GivesAnswerType(string question, AnswerType expected)
    {
        Assert.Equal(expected, AnswerTypes.Expected(question));
    }

    [Theory]
    [InlineData(AnswerType.Time, "The treaty was signed in 1960.", "When was the treaty signed?", true)]
    [InlineData(AnswerType.Time, "The treaty was signed in 1960.", "When was the 1960 treaty signed?", false)]
    [InlineData(AnswerType.Time, "From the death of Augustus in AD 14 until after AD 70.", "When did Augustus die?", true)]
    [InlineData(AnswerType.Time, "Athens fell to the plague in 430 BC.", "When did the plague strike Athens?", true)]
    [InlineData(AnswerType.Time, "It was built in the 10th and 11th centuries.", "When was it built?", true)]
    [InlineData(AnswerType.Number, "The team has just 150 people.", "How many people are on the team?", true)]
    [InlineData(AnswerType.Name, "The meeting was held in Washington.", "Where was the meeting held?", true)]
    [InlineData(AnswerType.Name, "The meeting was held there.", "Where was the meeting held?", false)]
    public void HasNewWord_WordsOfTypeInSentence_NeedsAWordTheQuestionLacks(AnswerType type, string sentence, string question, bool expected)
    {
        Assert.Equal(expected, AnswerTypes.HasNewWord(AnswerTypes.WordsOfType(type, sentence), question));
    }

    [Fact]
    public void WordsOfType_Name_SkipsTheSentencesFirstWord()
    {
        Assert.Equal(["Kono", "Tokyo"], AnswerTypes.WordsOfType(AnswerType.Name, "Minister Kono spoke in Tokyo."));
    }
}
