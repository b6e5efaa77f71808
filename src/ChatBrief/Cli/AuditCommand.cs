using System.CommandLine;
using ChatBrief.Core.Moderation;

namespace ChatBrief.Cli;

/// <summary><c>audit [--last N]</c>: prints the latest moderator actions from the index folder's <c>audit.jsonl</c>, oldest first.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many of the latest actions to print.", DefaultValueFactory = _ => 20 };
        var command = new Command("audit", "Print the latest moderator actions (who, platform, when, what, result).") { last };
        command.SetAction((parse, _) => CliErrors.GuardAsync(() =>
        {
            var count = parse.GetValue(last);
            if (count < 1)
            {
                throw new ArgumentException("--last must be at least 1.");
            }

            using var host = CommonOptions.BuildHost(parse);
            var audit = host.Services.GetRequiredService<AuditLog>();
            var entries = audit.Latest(count);
            if (entries.Count == 0)
            {
                Console.Error.WriteLine($"No moderator action is recorded in {audit.Path} yet.");
            }

            foreach (var entry in entries)
            {
                Console.WriteLine(entry);
            }

            return Task.FromResult(0);
        }));
        return command;
    }
}
