using System.CommandLine;

namespace ChatBrief.Cli;

/// <summary>File options checked when the command line is parsed, so that a wrong path fails at once and in words.</summary>
internal static class FileOptions
{
    /// <summary>A file the command reads: it must exist and be a file.</summary>
    public static Option<FileInfo?> Input(string name, string description, bool required = false)
    {
        var option = new Option<FileInfo?>(name) { Description = description, Required = required };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is not { } file)
            {
                return;
            }

            if (Directory.Exists(file.FullName))
            {
                result.AddError($"{name}: {file.FullName} is a folder, not a file.");
            }
            else if (!file.Exists)
            {
                result.AddError($"{name}: {file.FullName} does not exist.");
            }
        });
        return option;
    }

    /// <summary>A file the command writes: its folder must exist, and it must not be a folder itself.</summary>
    public static Option<FileInfo?> Output(string name, string description, bool required = false)
    {
        var option = new Option<FileInfo?>(name) { Description = description, Required = required };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is not { } file)
            {
                return;
            }

            if (Directory.Exists(file.FullName))
            {
                result.AddError($"{name}: {file.FullName} is a folder; give the file to write.");
            }
            else if (!Directory.Exists(file.DirectoryName))
            {
                result.AddError($"{name}: the folder {file.DirectoryName} does not exist.");
            }
        });
        return option;
    }
}
