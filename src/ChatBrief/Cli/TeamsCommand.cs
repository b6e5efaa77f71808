using System.CommandLine;
using ChatBrief.Teams.AppPackage;

namespace ChatBrief.Cli;

/// <summary><c>teams package --app-id ID [--out FILE]</c>: writes the Teams app package to upload or sideload.</summary>
internal static class TeamsCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (a GUID) from its Azure Bot registration.", Required = true };
        var output = FileOptions.Output("--out", "Where to write the zip.");
        output.DefaultValueFactory = _ => new FileInfo("chatbrief-teams.zip");
        var package = new Command("package", "Write the Teams app package (manifest.json and icons) for upload to Teams.") { appId, output };
        package.SetAction(async (parse, cancellationToken) =>
        {
            var destination = parse.GetValue(output)!;
            using var zip = new MemoryStream();
            TeamsAppPackage.Write(zip, parse.GetValue(appId)!);
            await File.WriteAllBytesAsync(destination.FullName, zip.ToArray(), cancellationToken);
            Console.WriteLine($"Wrote {destination.FullName}. Upload it in Teams: Apps > Manage your apps > Upload an app.");
            return 0;
        });

        return new Command("teams", "Microsoft Teams tools.") { package };
    }
}
