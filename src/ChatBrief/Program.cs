using ChatBrief.Cli;

return await CliApplication.RunAsync(args);
