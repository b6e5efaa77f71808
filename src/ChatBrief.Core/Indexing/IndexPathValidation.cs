using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Indexing;

/// <summary>Refuses an index path that names a file, which Lucene would otherwise report as "the file already exists".</summary>
internal sealed class IndexPathValidation : IValidateOptions<IndexOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Skip; // [Required] reports it
        }

        var path = Path.GetFullPath(options.Path);
        return File.Exists(path)
            ? ValidateOptionsResult.Fail(IndexFolder.PathIsAFile(path))
            : ValidateOptionsResult.Success;
    }
}
