using ChatBrief.Core.Analysis;
using ChatBrief.Core.Indexing;

namespace ChatBrief.Core.Moderation;

/// <summary>
/// Edits the moderators' aliases file for either chat door, applies the change to the very next question (no reindex:
/// the served index re-reads the file), and records every edit in the audit log.
/// </summary>
public sealed class AliasModeration(AliasFile file, IIndexManager index, AuditLog audit)
{
    public const string AddAction = "alias add";
    public const string RemoveAction = "alias remove";

    public IReadOnlyList<IReadOnlyList<string>> List() => file.Groups();

    /// <param name="group">Spellings separated by '=': "SDF = Self-Defense Forces".</param>
    /// <returns>What was done, in a sentence for the moderator.</returns>
    /// <exception cref="AliasRefusedException">The group was refused; nothing changed.</exception>
    public Task<string> AddAsync(Moderator who, string group, CancellationToken cancellationToken) =>
        EditAsync(who, AddAction, group, () => $"Added the alias {string.Join(" = ", file.Add(group))}.", cancellationToken);

    /// <exception cref="AliasRefusedException">No group of the file has that spelling; nothing changed.</exception>
    public Task<string> RemoveAsync(Moderator who, string spelling, CancellationToken cancellationToken) =>
        EditAsync(who, RemoveAction, spelling, () => $"Removed “{spelling.Trim()}” from {string.Join("; ", file.Remove(spelling).Select(g => string.Join(" = ", g)))}.", cancellationToken);

    private async Task<string> EditAsync(Moderator who, string action, string target, Func<string> edit, CancellationToken cancellationToken)
    {
        string done;
        try
        {
            done = edit();
        }
        catch (AliasRefusedException e)
        {
            audit.Record(who, action, target, AuditResult.Refused, e.Message);
            throw;
        }

        await index.RefreshAliasesAsync(cancellationToken);
        audit.Record(who, action, target, AuditResult.Done, done);
        return $"{done} It applies from the next question.";
    }
}
