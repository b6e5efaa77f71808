using ChatBrief.Discord.Gateway;
using ChatBrief.Hosting;
using ChatBrief.Tests.Discord.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatBrief.Tests.Hosting;

/// <summary>
/// A host started with both secrets configured, whose gateway fails to reach Discord (so the bot token is used and the
/// failure logged): no log line, exception or health body may contain either secret.
/// </summary>
public sealed class SecretsStayOutOfOutputTests
{
    private const string BotToken = "MTIzNDU2Nzg5.secret-bot-token-value";
    private const string AppPassword = "secret~teams~app~password";

    [Fact]
    public async Task Host_WithSecretsConfigured_NeverShowsThem()
    {
        var scratch = Directory.CreateTempSubdirectory("chatbrief-secrets-").FullName;
        var collector = new FakeLogCollector();
        await using var app = ChatBriefWebApp.Build(
            [
                "--Discord:ApplicationId=42", $"--Discord:PublicKey={new string('a', 64)}", $"--Discord:BotToken={BotToken}",
                // Nothing listens on port 9: every call to Discord fails at once and is logged.
                "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10",
                "--Teams:AppId=00000000-0000-0000-0000-000000000001", $"--Teams:AppPassword={AppPassword}", "--Teams:TenantId=contoso",
                "--Teams:Authority=https://127.0.0.1:9/contoso",
                $"--Sources:Path={scratch}", $"--Index:Path={Path.Combine(scratch, "index")}",
            ],
            builder =>
            {
                SharedEmbedder.UseIn(builder);
                builder.WebHost.UseTestServer();
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector));
            });
        await app.StartAsync();
        using var http = app.GetTestClient();

        await Eventually.HappensAsync(() => collector.GetSnapshot().Any(record => record.Category == typeof(GatewayClient).FullName && record.Level >= LogLevel.Warning));
        var outputs = new List<string>
        {
            await http.GetStringAsync("/healthz"),
            await (await http.GetAsync("/readyz")).Content.ReadAsStringAsync(),
        };
        await app.StopAsync();
        outputs.AddRange(collector.GetSnapshot().Select(record => $"{record.Message} {record.Exception} {string.Join(' ', record.StructuredState ?? [])}"));
        Directory.Delete(scratch, recursive: true);

        Assert.Contains(outputs, line => line.Contains("127.0.0.1:9"));
        Assert.Equal([], outputs.Where(line => line.Contains(BotToken) || line.Contains(AppPassword)).ToList());
    }
}
