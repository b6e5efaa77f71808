using ChatBrief.LoadGenerator;

return await LoadGeneratorCommand.RunAsync(args);
