using ChatBrief.Core.Analysis;
using ChatBrief.Core.Passages;
using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Tests.Analysis;

public class SourceVocabularyTests
{
    private static readonly ChatBriefAnalyzer Analyzer = new();

    // Sources that use none of the English acronyms' spellings, so that only what the test teaches is in the table.
    private static bool NoEnglishAcronyms(string term) => false;

    private static Passage PassageOf(string text) => new("a#1", "a.txt", 1, 0, text, [new TextSpan(0, text.Length)], new DocumentMetadata("A"));

    [Fact]
    public void Learn_ParentheticalDefinitionWithAlternative_GroupsAllThreeSpellings()
    {
        var vocabulary = SourceVocabulary.Learn([PassageOf("That is the message from the Security Consultative Committee (SCC or “2+2”) meeting.")]);

        var definition = Assert.Single(vocabulary.Definitions);
        Assert.Equal(["SCC", "Security Consultative Committee", "2+2"], definition);
    }

    [Fact]
    public void Build_AcronymMatchingInitialsOfAName_BecomesAlias()
    {
        var vocabulary = SourceVocabulary.Learn([
            PassageOf("Attacks on Self-Defense Forces facilities were discussed."),
            PassageOf("The SDF cyber defense team consists of just 150 people."),
        ]);

        var table = new AliasLearner(Analyzer).Build([vocabulary], null, NoEnglishAcronyms);

        Assert.Contains(table.Groups, g => g.Any(s => s.SequenceEqual(["sdf"])) && g.Any(s => s.Any(t => t.StartsWith("forc", StringComparison.Ordinal))));
    }

    [Fact]
    public void Build_ModeratorAliasesFile_AddsGroups()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["# nicknames", "Pompeo = Secretary of State", "", "bad line without equals"]);
        try
        {
            var table = new AliasLearner(Analyzer).Build([SourceVocabulary.Empty], file, NoEnglishAcronyms);

            var group = Assert.Single(table.Groups);
            Assert.Contains(group, s => s.SequenceEqual(["pompeo"]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Build_EnglishAcronymWhoseNameTheSourcesUse_BecomesAlias()
    {
        var sourceTerms = Analyzer.Tokenize(Core.Indexing.IndexSchema.Text, "jamming of global positioning systems").Select(t => t.Term).ToHashSet();

        var table = new AliasLearner(Analyzer).Build([SourceVocabulary.Empty], null, sourceTerms.Contains);

        var group = Assert.Single(table.Groups);
        Assert.Contains(group, s => s.SequenceEqual(Analyzer.Tokenize(Core.Indexing.IndexSchema.Text, "GPS").Select(t => t.Term)));
    }

    [Fact]
    public void Deserialize_DamagedJson_ReturnsEmpty()
    {
        Assert.Same(SourceVocabulary.Empty, SourceVocabulary.Deserialize("{not json"));
    }

    [Fact]
    public void Serialize_RoundTrips()
    {
        var vocabulary = SourceVocabulary.Learn([PassageOf("The Futenma Replacement Facility (FRF) is contested.")]);

        var copy = SourceVocabulary.Deserialize(vocabulary.Serialize());

        Assert.Equal(vocabulary.Definitions, copy.Definitions);
        Assert.Equal(vocabulary.Acronyms, copy.Acronyms);
    }
}
