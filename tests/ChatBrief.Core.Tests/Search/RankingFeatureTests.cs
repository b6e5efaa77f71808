namespace ChatBrief.Core.Tests.Search;

public class RankingFeatureTests
{
    [Fact]
    public async Task AskAsync_WhatDidXSay_PassageWhereXSpeaksBeatsPassageThatNamesX()
    {
        using var corpus = new TestCorpus(
            ("mention.txt", "The F-35A program was reviewed at a meeting attended by Iwaya, Kono and many officials from the F-35A office."),
            ("speech.txt", "Defense Minister Takeshi Iwaya requested cooperation in investigating the crash of an F-35A fighter."));

        var answer = await corpus.AskAsync("What did Iwaya say about the F-35A?");

        Assert.False(answer.Abstained);
        Assert.Equal("speech.txt", answer.Results[0].Source);
    }

    [Fact]
    public async Task AskAsync_AcronymDefinedInSources_FindsTheDefinition()
    {
        using var corpus = new TestCorpus(
            ("defines.txt", "The message came from the Security Consultative Committee (SCC or “2+2”) meeting held in Washington."),
            ("other.txt", "Cyber defense cooperation was discussed by the two governments at length."));

        var answer = await corpus.AskAsync("What is the SCC?");

        Assert.False(answer.Abstained);
        Assert.Equal("defines.txt", answer.Results[0].Source);
    }

    [Theory]
    [InlineData("What is the SCC?")]
    [InlineData("what's the SCC")]
    [InlineData("define SCC")]
    public async Task AskAsync_WhatIsAnAcronymThatManyPassagesUse_TheDefinitionComesFirst(string question)
    {
        using var corpus = new TestCorpus(
            ("defines.txt", "Whatever the strains in trade, the alliance remains strong. That is the unmistakable message from the Security Consultative Committee (SCC or “2+2”) meeting held last week in Washington, where four ministers met."),
            ("uses.txt", "The SCC statement is short. The SCC covers space."));

        var answer = await corpus.AskAsync(question);

        Assert.Equal("defines.txt", answer.Results[0].Source);
    }

    [Fact]
    public async Task AskAsync_AcronymTypedForASpelledOutName_FindsTheName()
    {
        using var corpus = new TestCorpus(
            ("spelled.txt", "Cyberattacks on Self-Defense Forces facilities are covered by the treaty."),
            ("acronym.txt", "The SDF cyber defense team consists of just 150 people."),
            ("other.txt", "Facilities of power plants are also covered by the agreement."));

        var answer = await corpus.AskAsync("Are attacks on SDF facilities covered?");

        Assert.Equal("spelled.txt", answer.Results[0].Source);
    }

    [Fact]
    public async Task AskAsync_TopicAbsentFromSources_Abstains()
    {
        using var corpus = new TestCorpus(
            ("a.txt", "The ministers affirmed that international law applies in cyberspace."),
            ("b.txt", "Both governments committed to the denuclearization of North Korea."));

        var answer = await corpus.AskAsync("What is the capital of France?");

        Assert.True(answer.Abstained);
        Assert.True(answer.Results.Count <= 3);
    }

    [Fact]
    public async Task AskAsync_RareTermsOutweighFrequentOnes_PassageWithRareTermsWins()
    {
        using var corpus = new TestCorpus(
            ("common1.txt", "The alliance met. The alliance spoke. The alliance agreed on the alliance."),
            ("common2.txt", "The alliance is strong and the alliance is old."),
            ("rare.txt", "The alliance must address the Senkaku Islands dispute."));

        var answer = await corpus.AskAsync("What did the alliance say about the Senkaku Islands?");

        Assert.Equal("rare.txt", answer.Results[0].Source);
    }

    [Fact]
    public async Task AskAsync_BestSentence_IsTheSentenceWithTheQuestionsWords()
    {
        using var corpus = new TestCorpus(
            ("a.txt", "The meeting was long. The treaty was signed in 1960 after the occupation. Everyone went home."));

        var answer = await corpus.AskAsync("When was the treaty signed?");

        Assert.Equal("The treaty was signed in 1960 after the occupation.", answer.Results[0].BestSentence);
    }

    [Fact]
    public async Task AskAsync_SameStatementInTwoSources_ShowsOneAndListsTheOtherUnderAlsoIn()
    {
        const string statement = "The ministers affirmed that international law applies in cyberspace and that a cyberattack could constitute an armed attack.";
        using var corpus = new TestCorpus(
            ("first.txt", statement),
            ("second.txt", "Reporters noted: " + statement),
            ("third.txt", "Trade negotiators will meet next month."));

        var answer = await corpus.AskAsync("Could a cyberattack constitute an armed attack?");

        var also = Assert.Single(answer.Results[0].AlsoIn);
        Assert.NotEqual(answer.Results[0].Source, also.Source);
        Assert.DoesNotContain(answer.Results, r => r.Source == also.Source);
    }

    [Fact]
    public async Task AskAsync_QuestionUsesASynonymOfTheSourcesWord_PassageWithTheSynonymWins()
    {
        // Without the synonym, both passages share only "Panthers" with the question, and the shorter one would win.
        using var corpus = new TestCorpus(
            ("synonym.txt", "In a long and hard-fought contest watched by millions across the country, the Broncos beat the Panthers."),
            ("plain.txt", "The Panthers arrived in Santa Clara."));

        var answer = await corpus.AskAsync("Who defeated the Panthers?");

        Assert.Equal("synonym.txt", answer.Results[0].Source);
    }

    [Fact]
    public async Task AskAsync_PersonSpeaksOffTheTopic_PassageOnTheTopicStaysFirst()
    {
        using var corpus = new TestCorpus(
            ("topic.txt", "The F-35A crash was investigated by the Air Self-Defense Force with help from US officials."),
            ("speaker.txt", "Iwaya said the weather in Tokyo was cold."));

        var answer = await corpus.AskAsync("What did Iwaya say about the F-35A crash?");

        Assert.Equal("topic.txt", answer.Results[0].Source);
    }
}
