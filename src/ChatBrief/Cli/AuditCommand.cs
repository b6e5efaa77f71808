using System.CommandLine;
using ChatBrief.Core.Moderation;

namespace ChatBrief.Cli;

/// <summary><c>audit [--last N]</c>: prints the latest moderator actions from the index folder's <c>audit.jsonl</c>, oldest first.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var last = NumberOptions.Count("--last", "How many of the latest actions to print.", defaultValue: 20);
        var command = new Command("audit", "Print the latest moderator actions (who, platform, when, what, result).") { last };
        command.SetAction((parse, _) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var audit = host.Services.GetRequiredService<AuditLog>();
            var entries = audit.Latest(parse.GetValue(last));
            if (entries.Count == 0)
            {
                Console.Error.WriteLine($"No moderator action is recorded in {audit.Path} yet.");
            }

            foreach (var entry in entries)
            {
                Console.WriteLine(entry);
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
