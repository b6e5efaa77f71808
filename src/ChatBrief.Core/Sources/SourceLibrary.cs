using System.Globalization;
using System.Text;
using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Sources;

/// <summary>
/// The sources folder as moderators change it from chat: files are added under a safe name inside it (never outside),
/// within the type and size limits, and removed by moving them to <see cref="RemovedFolderName"/> beside it, so that
/// nothing a moderator does from chat deletes a document.
/// </summary>
public sealed class SourceLibrary
{
    public const string RemovedFolderName = "removed";

    /// <summary>Longest file name most file systems accept, in UTF-8 bytes.</summary>
    private const int MaxNameBytes = 255;

    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    // Refused on every platform so that a sources folder can be copied between Linux and Windows unchanged.
    private static readonly char[] UnportableNameChars = ['<', '>', ':', '"', '|', '?', '*'];

    private readonly ISourceReader _reader;
    private readonly TimeProvider _clock;
    private readonly SourcesOptions _options;

    public SourceLibrary(ISourceReader reader, IOptions<SourcesOptions> options, TimeProvider clock)
    {
        _reader = reader;
        _clock = clock;
        _options = options.Value;
        SourcesPath = Path.GetFullPath(_options.Path);
        RemovedPath = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(SourcesPath)) ?? SourcesPath, RemovedFolderName);
    }

    public string SourcesPath { get; }

    /// <summary>Where removed files go: a folder beside the sources folder, so that they are never indexed again.</summary>
    public string RemovedPath { get; }

    public long MaxUploadBytes => _options.MaxUploadBytes;

    public IReadOnlyList<string> AllowedExtensions => _options.EffectiveUploadExtensions;

    /// <summary>The files of the sources folder, as the index names them (<c>folder/file.txt</c>).</summary>
    public IReadOnlyList<string> List()
    {
        try
        {
            return _reader.Discover(SourcesPath).Select(file => file.Source).ToList();
        }
        catch (SourcesUnavailableException)
        {
            return [];
        }
    }

    /// <summary>
    /// Checks a file before anything is fetched: a plain, portable file name of an allowed type, a size within the limit,
    /// and, unless <paramref name="replace"/>, a name not yet used.
    /// </summary>
    /// <exception cref="SourceChangeRefusedException">The file may not be added; the message says why.</exception>
    public void CheckUpload(string fileName, long? size, bool replace)
    {
        var target = TargetPath(fileName);
        if (size > _options.MaxUploadBytes)
        {
            throw TooLarge(fileName);
        }

        if (!replace && File.Exists(target))
        {
            throw new SourceExistsException(fileName);
        }
    }

    /// <summary>
    /// Saves <paramref name="content"/> as <paramref name="fileName"/> at the root of the sources folder. The file appears
    /// whole or not at all: it is written under a hidden temporary name (which the indexer ignores) and then renamed.
    /// </summary>
    /// <returns>True when an existing file was replaced.</returns>
    /// <exception cref="SourceChangeRefusedException">The name, type or size is refused, or the name exists and <paramref name="replace"/> is false.</exception>
    public async Task<bool> SaveAsync(string fileName, Stream content, bool replace, CancellationToken cancellationToken)
    {
        CheckUpload(fileName, size: null, replace);
        var target = TargetPath(fileName);
        Directory.CreateDirectory(SourcesPath);
        var temporary = Path.Combine(SourcesPath, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await CopyWithinLimitAsync(fileName, content, file, cancellationToken);
            }

            var existed = File.Exists(target);
            try
            {
                File.Move(temporary, target, overwrite: replace);
            }
            catch (IOException) when (!replace && File.Exists(target))
            {
                // Another moderator added the same name while this file was being fetched.
                throw new SourceExistsException(fileName);
            }

            return existed;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Moves a source (and its <c>.meta.json</c> sidecar) into <see cref="RemovedPath"/>, keeping its sub-folders; a name
    /// already there gets the time of removal added, so an earlier removed version is kept too.
    /// </summary>
    /// <param name="source">The source as the index names it, e.g. <c>notes/q3.md</c>.</param>
    /// <returns>Where the file now is, relative to the removed folder's parent (e.g. <c>removed/notes/q3.md</c>).</returns>
    /// <exception cref="SourceChangeRefusedException">No such source inside the sources folder.</exception>
    public string Remove(string source)
    {
        var relative = source.Trim().Replace('\\', '/');
        var path = Path.GetFullPath(Path.Combine(SourcesPath, relative));
        if (relative.Length == 0 || Path.IsPathRooted(relative) || !IsInside(path, SourcesPath) || !File.Exists(path)
            || string.Equals(relative, AliasLearner.AliasesFileName, StringComparison.OrdinalIgnoreCase))
        {
            throw new SourceChangeRefusedException($"There is no source named “{source}”. /source list (or sources in Teams) shows the names.");
        }

        var destination = FreeRemovedPath(Path.GetRelativePath(SourcesPath, path));
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Move(path, destination);
        var sidecar = path + Sidecar.Suffix;
        if (File.Exists(sidecar))
        {
            File.Move(sidecar, destination + Sidecar.Suffix, overwrite: true);
        }

        return Path.GetRelativePath(Path.GetDirectoryName(RemovedPath)!, destination).Replace('\\', '/');
    }

    /// <summary>The full path a plain file name is saved to, after every check of the name itself.</summary>
    private string TargetPath(string fileName)
    {
        var name = fileName.Trim();
        if (NameProblem(name) is { } problem)
        {
            throw new SourceChangeRefusedException($"“{fileName}” cannot be added: {problem}.");
        }

        var extension = Path.GetExtension(name);
        if (!AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            var type = extension.Length > 0 ? $"files of type {extension}" : "files without a type";
            throw new SourceChangeRefusedException($"“{fileName}” cannot be added: {type} are not accepted. Accepted types: {string.Join(", ", AllowedExtensions)}.");
        }

        var target = Path.GetFullPath(Path.Combine(SourcesPath, name));
        if (!string.Equals(Path.GetDirectoryName(target), Path.TrimEndingDirectorySeparator(SourcesPath), StringComparison.Ordinal))
        {
            throw new SourceChangeRefusedException($"“{fileName}” cannot be added: it must be a plain file name.");
        }

        return target;
    }

    private static string? NameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "the file has no name";
        }

        if (name.Contains('/') || name.Contains('\\') || Path.IsPathRooted(name) || name is "." or "..")
        {
            return "the name must be a plain file name, without folders";
        }

        if (name.Any(char.IsControl) || name.IndexOfAny(UnportableNameChars) >= 0)
        {
            return $"the name may not contain control characters or any of {string.Join(' ', UnportableNameChars)}";
        }

        if (name.StartsWith('.') || name.EndsWith('.') || name.EndsWith(' '))
        {
            return "the name may not start with a dot or end with a dot or space";
        }

        if (ReservedDeviceNames.Contains(name.Split('.')[0].TrimEnd()))
        {
            return "that name is reserved by Windows";
        }

        if (string.Equals(name, AliasLearner.AliasesFileName, StringComparison.OrdinalIgnoreCase))
        {
            return "that is the aliases file; edit it with /alias (alias in Teams)";
        }

        if (name.EndsWith(Sidecar.Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return "metadata sidecars are edited on the server, not added from chat";
        }

        return Encoding.UTF8.GetByteCount(name) > MaxNameBytes ? "the name is too long" : null;
    }

    private async Task CopyWithinLimitAsync(string fileName, Stream content, Stream file, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > _options.MaxUploadBytes)
            {
                throw TooLarge(fileName);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private string FreeRemovedPath(string relative)
    {
        var destination = Path.Combine(RemovedPath, relative);
        if (!File.Exists(destination))
        {
            return destination;
        }

        var stamp = _clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(Path.GetDirectoryName(destination)!, $"{Path.GetFileNameWithoutExtension(destination)}.{stamp}{Path.GetExtension(destination)}");
    }

    private SourceChangeRefusedException TooLarge(string fileName) =>
        new($"“{fileName}” cannot be added: it is larger than the limit of {Size(_options.MaxUploadBytes)} (Sources:MaxUploadBytes).");

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB"
        : (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

/// <summary>A change to the sources a moderator asked for that was not made; the message says why, politely.</summary>
public class SourceChangeRefusedException(string message) : InvalidOperationException(message);

/// <summary>The file name is already in use: the moderator must ask to replace it.</summary>
public sealed class SourceExistsException(string fileName)
    : SourceChangeRefusedException($"A source named “{fileName}” already exists. Send it again asking to replace it to overwrite it; nothing was changed.")
{
    public string FileName { get; } = fileName;
}
