using System.CommandLine;

namespace ChatBrief.Cli;

/// <summary>File options checked when the command line is parsed, so that a wrong path fails at once and in words.</summary>
internal static class FileOptions
{
    /// <summary>A file the command reads: it must exist and be a file.</summary>
    public static Option<FileInfo?> Input(string name, string description, bool required = false) =>
        Checked(name, description, required, file =>
            Directory.Exists(file.FullName) ? $"{file.FullName} is a folder, not a file."
            : !file.Exists ? $"{file.FullName} does not exist."
            : null);

    /// <summary>A file the command writes: its folder must exist, and it must not be a folder itself.</summary>
    public static Option<FileInfo?> Output(string name, string description, bool required = false) =>
        Checked(name, description, required, file =>
            Directory.Exists(file.FullName) ? $"{file.FullName} is a folder; give the file to write."
            : !Directory.Exists(file.DirectoryName) ? $"the folder {file.DirectoryName} does not exist."
            : null);

    private static Option<FileInfo?> Checked(string name, string description, bool required, Func<FileInfo, string?> problem)
    {
        var option = new Option<FileInfo?>(name) { Description = description, Required = required };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { } file && problem(file) is { } found)
            {
                result.AddError($"{name}: {found}");
            }
        });
        return option;
    }
}
