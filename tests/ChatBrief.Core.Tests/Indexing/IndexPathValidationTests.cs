using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Tests.Indexing;

public sealed class IndexPathValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbrief-index-path").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Validate_PathIsAFile_SaysSoAndNamesIt()
    {
        var file = Path.Combine(_folder, "index");
        File.WriteAllText(file, "");

        var result = new IndexPathValidation().Validate(null, new IndexOptions { Path = file });

        Assert.True(result.Failed);
        Assert.Equal($"The index path {file} is a file, not a folder (Index:Path or --index): give the index a folder of its own.", result.FailureMessage);
    }

    [Theory]
    [InlineData("index")]
    [InlineData("not-yet/created")]
    public void Validate_FolderOrPathNotYetCreated_Succeeds(string relative)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "index"));

        var result = new IndexPathValidation().Validate(null, new IndexOptions { Path = Path.Combine(_folder, relative) });

        Assert.True(result.Succeeded);
    }
}
