using System.CommandLine;
using ChatBrief.Core.Feedback;

namespace ChatBrief.Cli;

/// <summary><c>data forget --user ID</c>: deletes one person's questions and votes from the question log.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user")
        {
            Description = "The person's id: the Discord user id, or the Teams Entra object id.",
            Required = true,
        };
        var forget = new Command("forget", "Delete one person's questions and votes.") { user };
        forget.SetAction((parse, _) =>
        {
            using var host = CommonOptions.BuildHost(parse);
            var store = host.Services.GetRequiredService<IFeedbackStore>();
            store.Open();
            var deleted = store.Forget(parse.GetValue(user)!.Trim());
            Console.WriteLine(deleted == 0 ? "Nothing was recorded for that person." : $"Deleted {deleted} entries of that person.");
            return Task.FromResult(0);
        });
        return new Command("data", "Manage the question log and feedback (Data:Path).") { forget };
    }
}
