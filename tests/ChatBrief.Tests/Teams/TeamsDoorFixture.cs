namespace ChatBrief.Tests.Teams;

/// <summary>One stand-in and one host for all end-to-end tests of a class: starting the host builds the seeds index.</summary>
public sealed class TeamsDoorFixture : IAsyncLifetime
{
    public const string AppId = "5f0e1c7a-3b2d-4e8f-9a61-0c2b7d4e8f13";

    public BotFrameworkStandIn BotFramework { get; } = new();

    public TeamsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await BotFramework.StartAsync();
        Host = await TeamsHost.StartAsync(SettingsFor(BotFramework));
    }

    /// <summary>An authenticated Teams door that trusts <paramref name="botFramework"/>, with one moderator.</summary>
    public static string[] SettingsFor(BotFrameworkStandIn botFramework) =>
    [
        $"AppId={AppId}",
        "AppPassword=test-secret",
        "TenantId=tenant-1",
        $"OpenIdMetadataUrl={botFramework.MetadataUrl}",
        $"Authority={botFramework.Authority}",
        "AllowedServiceHosts:0=127.0.0.1",
        $"ModeratorAadObjectIds:0={TeamsActivities.ModeratorAadObjectId}",
    ];

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await BotFramework.DisposeAsync();
    }
}
