using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBrief.Core.Moderation;

/// <summary>Who did something: the platform's own user id (what decides who is a moderator) and the name shown there.</summary>
public sealed record Moderator(string Platform, string UserId, string? DisplayName);

/// <summary>The outcome of a moderator action, as the audit log records it.</summary>
public enum AuditResult
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>Not done because the input or the person was refused; nothing changed.</summary>
    Refused,

    /// <summary>Not done, or only partly (the file was saved but the index was not updated), because something failed.</summary>
    Failed,
}

/// <summary>One line of <c>audit.jsonl</c> (docs/CONTRACTS.md).</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Platform,
    string UserId,
    string? UserName,
    string Action,
    string? Target,
    AuditResult Result,
    string? Detail)
{
    /// <summary>"2025-03-04 05:06 UTC, Alice (discord 111): source add b.txt: done. Added b.txt. …", as every door and the CLI show it.</summary>
    public override string ToString()
    {
        var who = UserName is { Length: > 0 } name ? $"{name} ({Platform} {UserId})" : $"{Platform} {UserId}";
        var what = Target is { Length: > 0 } target ? $"{Action} {target}" : Action;
        var detail = Detail is { Length: > 0 } text ? $" {text}" : "";
        return FormattableString.Invariant($"{At.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {who}: {what}: {Result.ToString().ToLowerInvariant()}.{detail}");
    }
}

/// <summary>
/// The moderators' audit trail: one JSON line per action appended to <c>audit.jsonl</c> in the index folder, which is
/// kept when a broken index is moved aside. Appends are serialised in this process and each line is written in one call,
/// so lines from the CLI and <c>serve</c> do not interleave.
/// </summary>
public sealed partial class AuditLog(IOptions<IndexOptions> index, TimeProvider clock, ILogger<AuditLog> logger)
{
    public const string FileName = "audit.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly System.Threading.Lock _appendLock = new();

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(index.Value.Path), FileName);

    /// <summary>Records an action. A log that cannot be written is reported in the server log, never to the moderator as a failed action.</summary>
    public AuditEntry Record(Moderator who, string action, string? target, AuditResult result, string? detail)
    {
        var entry = new AuditEntry(clock.GetUtcNow(), who.Platform, who.UserId, who.DisplayName, action, target, result, detail);
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        try
        {
            lock (_appendLock)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                file.Write(Encoding.UTF8.GetBytes(line));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(Path, e.Message, line);
        }

        LogRecorded(who.Platform, who.UserId, action, target, result);
        return entry;
    }

    /// <summary>The latest <paramref name="count"/> entries, oldest first; lines that cannot be read are skipped.</summary>
    public IReadOnlyList<AuditEntry> Latest(int count)
    {
        if (count <= 0 || !File.Exists(Path))
        {
            return [];
        }

        var lines = new Queue<string>(count);
        using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (lines.Count == count)
                {
                    lines.Dequeue();
                }

                lines.Enqueue(line);
            }
        }

        return lines.Select(Parse).OfType<AuditEntry>().ToList();
    }

    private static AuditEntry? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditEntry>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(LogLevel.Information, "Moderator action on {Platform} by {UserId}: {Action} {Target}: {Result}")]
    private partial void LogRecorded(string platform, string userId, string action, string? target, AuditResult result);

    [LoggerMessage(LogLevel.Error, "The audit log {AuditPath} could not be written ({Reason}); the entry was: {Entry}")]
    private partial void LogNotWritten(string auditPath, string reason, string entry);
}
