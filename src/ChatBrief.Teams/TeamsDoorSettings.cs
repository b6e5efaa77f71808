using ChatBrief.Teams.Auth;
using Microsoft.Extensions.Hosting;

namespace ChatBrief.Teams;

/// <summary>How the Teams door runs, decided once from the settings and the environment.</summary>
internal enum TeamsDoorMode
{
    Off,
    Authenticated,
    AnonymousDevelopment,
}

/// <summary>The outcome of checking the Teams settings: the mode, and for <see cref="TeamsDoorMode.Off"/> the setting to fix.</summary>
internal sealed record TeamsDoorSettings(TeamsDoorMode Mode, string? Problem)
{
    public static TeamsDoorSettings Resolve(TeamsOptions options, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            if (!options.AllowAnonymousDevelopment)
            {
                return Off("Teams:AppId is not set");
            }

            return environment.IsProduction()
                ? Off("Teams:AppId is not set, and Teams:AllowAnonymousDevelopment is refused in the Production environment")
                : new TeamsDoorSettings(TeamsDoorMode.AnonymousDevelopment, null);
        }

        var problem = ProblemWithCredentials(options);
        return problem is null ? new TeamsDoorSettings(TeamsDoorMode.Authenticated, null) : Off(problem);
    }

    private static string? ProblemWithCredentials(TeamsOptions options)
    {
        if (!Guid.TryParse(options.AppId, out _))
        {
            return "Teams:AppId is not a GUID (the bot's Microsoft App ID)";
        }

        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            return "Teams:AppPassword is not set (set the Teams__AppPassword environment variable)";
        }

        if (string.IsNullOrWhiteSpace(options.Authority) && string.IsNullOrWhiteSpace(options.TenantId))
        {
            return "Teams:TenantId is not set";
        }

        if (!SecureUrl.IsAcceptable(options.OpenIdMetadataUrl))
        {
            return "Teams:OpenIdMetadataUrl is not an https URL (plain http is accepted only for loopback hosts)";
        }

        if (!Uri.TryCreate(options.EffectiveAuthority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps || authority.AbsolutePath.Trim('/').Length == 0)
        {
            return "Teams:Authority is not an https URL with a tenant in its path (e.g. https://login.microsoftonline.com/{tenant})";
        }

        return options.EffectiveAllowedServiceHosts.Any(string.IsNullOrWhiteSpace)
            ? "Teams:AllowedServiceHosts holds an empty entry"
            : null;
    }

    private static TeamsDoorSettings Off(string problem) => new(TeamsDoorMode.Off, problem);
}
