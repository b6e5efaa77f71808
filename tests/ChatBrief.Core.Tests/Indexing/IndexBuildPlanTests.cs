using ChatBrief.Core.Indexing;
using ChatBrief.Core.Sources;

namespace ChatBrief.Core.Tests.Indexing;

public class IndexBuildPlanTests
{
    private static SourceFile File(string source, string hash) => new($"/sources/{source}", source, hash, 10);

    [Fact]
    public void Create_ComparesHashesWithTheLastCommit()
    {
        var found = new[] { File("a.txt", "1"), File("b.txt", "2"), File("c.txt", "3") };
        var indexed = new Dictionary<string, string> { ["a.txt"] = "1", ["b.txt"] = "old", ["gone.txt"] = "9", ["also-gone.txt"] = "8" };

        var plan = IndexBuildPlan.Create(found, indexed);

        Assert.Equal([SourceChange.Unchanged, SourceChange.Changed, SourceChange.New], plan.Files.Select(f => f.Change));
        Assert.Equal(["also-gone.txt", "gone.txt"], plan.Removed);
    }

    [Fact]
    public void Create_NothingIndexed_EveryFileIsNew()
    {
        var plan = IndexBuildPlan.Create([File("a.txt", "1")], new Dictionary<string, string>());

        Assert.Equal(SourceChange.New, Assert.Single(plan.Files).Change);
        Assert.Empty(plan.Removed);
    }
}
