using System.CommandLine;
using ChatBrief.Core.Evaluation;
using ChatBrief.LoadGenerator.Discord;
using ChatBrief.LoadGenerator.Running;
using ChatBrief.LoadGenerator.Setup;
using ChatBrief.LoadGenerator.StandIns;
using ChatBrief.LoadGenerator.Teams;

namespace ChatBrief.LoadGenerator;

/// <summary>
/// <c>chatbrief-loadgen settings</c> prints the environment a local <c>serve</c> needs; <c>chatbrief-loadgen run</c>
/// sends questions through one door at a set rate and prints the figures (README, "Performance").
/// </summary>
internal static class LoadGeneratorCommand
{
    private static readonly Option<DirectoryInfo> State = new("--state")
    {
        Description = "Folder of the generator's test keys and TLS certificate (made on first use and reused).",
        DefaultValueFactory = _ => new DirectoryInfo(GeneratorKeys.DefaultFolder),
        Recursive = true,
    };

    private static readonly Option<int> StandInPort = new("--standin-port")
    {
        Description = "Port of the stand-ins for Discord and the Bot Framework on 127.0.0.1 (http); https on the next one.",
        DefaultValueFactory = _ => StandInAddresses.DefaultHttpPort,
        Recursive = true,
    };

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Sends Discord /ask interactions or Teams messages to a ChatBrief serve on this machine and reports throughput and latency.")
        {
            State,
            StandInPort,
        };
        root.Subcommands.Add(SettingsCommand());
        root.Subcommands.Add(RunCommand());
        return root.Parse(args).InvokeAsync();
    }

    private static Command SettingsCommand()
    {
        var command = new Command("settings", "Prints, as shell exports, the settings that point serve at this generator.");
        command.SetAction(parse =>
        {
            using var keys = GeneratorKeys.LoadOrCreate(parse.GetValue(State)!.FullName);
            foreach (var (name, value) in ServeSettings.For(keys, new StandInAddresses(parse.GetValue(StandInPort))))
            {
                Console.WriteLine($"export {name}='{value}'");
            }
        });
        return command;
    }

    private static Command RunCommand()
    {
        var door = new Option<string>("--door") { Description = "discord or teams.", Required = true };
        door.AcceptOnlyFromAmong("discord", "teams");
        var target = new Option<string>("--target") { Description = "The serve to load; loopback only.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var questions = new Option<FileInfo>("--questions") { Description = "Question file, one JSON object a line with a \"question\" (docs/CONTRACTS.md).", Required = true };
        var rate = new Option<double>("--rate") { Description = "Requests a second.", DefaultValueFactory = _ => 20 };
        var seconds = new Option<double>("--seconds") { Description = "How long to send.", DefaultValueFactory = _ => 20 };
        var maxRequests = new Option<int?>("--max-requests") { Description = "Requests in all at most (default: rate x seconds)." };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Requests out at once at most; a request due beyond it is not sent, and counted.", DefaultValueFactory = _ => 64 };
        var warmup = new Option<int>("--warmup") { Description = "Requests sent one by one before the run and left out of its figures.", DefaultValueFactory = _ => 10 };
        var answerTimeout = new Option<double>("--answer-timeout") { Description = "Seconds to wait for a Teams reply or a deferred Discord edit.", DefaultValueFactory = _ => 30 };
        var servePid = new Option<int?>("--serve-pid") { Description = "serve's process id: its CPU time per answer is reported too, which a busy machine distorts less than latency." };
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 10_000)) r.AddError("--rate takes a number above 0 and at most 10000."); });
        seconds.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 3_600)) r.AddError("--seconds takes a number above 0 and at most 3600."); });
        maxRequests.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--max-requests takes a whole number of at least 1."); });
        maxInFlight.Validators.Add(r => { if (r.GetValueOrDefault<int>() is not (>= 1 and <= 10_000)) r.AddError("--max-in-flight takes a whole number from 1 to 10000."); });
        warmup.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--warmup takes a whole number of at least 0."); });
        answerTimeout.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 600)) r.AddError("--answer-timeout takes a number of seconds above 0 and at most 600."); });

        var command = new Command("run", "Sends questions through one door at a set rate for a set time and prints the figures, the last line as JSON.")
        {
            door, target, questions, rate, seconds, maxRequests, maxInFlight, warmup, answerTimeout, servePid,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (LoopbackTarget.Parse(parse.GetValue(target), out var problem) is not { } baseAddress)
            {
                Console.Error.WriteLine($"Refused: {problem}.");
                return 2;
            }

            var questionList = EvalRunner.ReadQuestions(parse.GetValue(questions)!.FullName).Select(q => q.Question).ToList();
            if (questionList.Count == 0)
            {
                Console.Error.WriteLine("The question file holds no questions.");
                return 1;
            }

            var limits = new RunLimits(
                parse.GetValue(rate),
                TimeSpan.FromSeconds(parse.GetValue(seconds)),
                parse.GetValue(maxRequests) ?? (int)Math.Ceiling(parse.GetValue(rate) * parse.GetValue(seconds)),
                parse.GetValue(maxInFlight));
            var clock = TimeProvider.System;
            var addresses = new StandInAddresses(parse.GetValue(StandInPort));
            using var keys = GeneratorKeys.LoadOrCreate(parse.GetValue(State)!.FullName);
            var deliveries = new Deliveries(clock);
            StandInServer standInServer;
            try
            {
                standInServer = await StandInServer.StartAsync(addresses, keys, deliveries);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"The stand-ins cannot listen on 127.0.0.1:{addresses.HttpPort} and {addresses.HttpsPort} ({e.Message}); choose others with --standin-port, and give serve the settings `settings --standin-port` prints.");
                return 1;
            }

            await using var standIns = standInServer;
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = limits.MaxInFlight })
            {
                BaseAddress = baseAddress,
                Timeout = TimeSpan.FromSeconds(30),
            };
            var doorName = parse.GetValue(door)!;
            var timeout = TimeSpan.FromSeconds(parse.GetValue(answerTimeout));
            IDoorSender sender = doorName == "discord"
                ? new DiscordAskSender(http, keys.DiscordKey, deliveries, clock, timeout)
                : new TeamsMessageSender(http, ChannelTokenIssuer.Issue(keys, addresses.TeamsServiceUrl, clock), addresses.TeamsServiceUrl, deliveries, clock, timeout);

            if (await WarmUpAsync(sender, questionList, parse.GetValue(warmup), cancellationToken) is { } warmupFailure)
            {
                Console.Error.WriteLine($"Warm-up failed: {warmupFailure}. Is serve running at {baseAddress} with the settings `settings` prints?");
                return 1;
            }

            using var serveProcess = parse.GetValue(servePid) is { } pid ? System.Diagnostics.Process.GetProcessById(pid) : null;
            var cpuBefore = serveProcess?.TotalProcessorTime;
            var (tally, elapsed) = await new LoadRunner(sender, clock).RunAsync(questionList, limits, cancellationToken);
            serveProcess?.Refresh();
            var report = tally.Report(doorName, baseAddress, limits, elapsed) with { ServeCpu = serveProcess?.TotalProcessorTime - cpuBefore };
            Console.Write(report.ToText());
            Console.WriteLine($"stand-ins: {standIns.TokensIssued} connector token(s) issued, {standIns.OtherActivities} other Teams activities, {deliveries.Unexpected} unexpected deliveries, {standIns.OtherCalls} other calls");
            Console.WriteLine(report.ToJson());
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Sends <paramref name="count"/> requests one by one, so that serve loads its models and fetches keys and a token
    /// outside the figures; the first failure when none succeeded (serve is down or configured for other keys).
    /// </summary>
    private static async Task<string?> WarmUpAsync(IDoorSender sender, IReadOnlyList<string> questions, int count, CancellationToken cancellationToken)
    {
        string? firstFailure = null;
        var anyAnswered = false;
        for (var i = 0; i < count; i++)
        {
            var outcome = await sender.SendAsync(-1 - i, questions[i % questions.Count], cancellationToken);
            anyAnswered |= outcome.Succeeded;
            firstFailure ??= outcome.Succeeded ? null : outcome.ErrorKind;
        }

        return anyAnswered ? null : firstFailure;
    }
}
