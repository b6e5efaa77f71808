using ChatBrief.Core;
using ChatBrief.Core.Feedback;
using ChatBrief.Discord;
using ChatBrief.Teams;

namespace ChatBrief.Hosting;

/// <summary>The HTTP host that <c>serve</c> runs: health, Discord and Teams doors over one core.</summary>
public static class ChatBriefWebApp
{
    /// <param name="args">Command-line configuration (e.g. <c>--urls</c>, <c>--Discord:PublicKey=...</c>).</param>
    /// <param name="configure">Lets tests replace settings or services before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        // HttpClient's Trace lines list request headers: the text masks them, but the structured state carries the raw
        // Authorization header (the bot token, the Teams bearer token) to any provider that records state.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", level => level > LogLevel.Trace);
        builder.AddChatBriefCore();
        builder.Services.AddIndexBackgroundServices();
        builder.Services.AddFeedbackWriter();
        builder.Services.AddHealth();
        builder.AddDiscord();
        builder.AddTeams();
        builder.AddDoorLimits();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseDoorLimits();
        app.MapHealth();
        var doors = app.MapDoorGroup();
        doors.MapDiscord();
        doors.MapTeams();
        return app;
    }
}
