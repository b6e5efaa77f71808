using Microsoft.Extensions.Hosting;
using Moq;

namespace ChatBrief.Teams.Tests;

public sealed class TeamsDoorSettingsTests
{
    [Fact]
    public void Resolve_CompleteSettings_Authenticated()
    {
        Assert.Equal(TeamsDoorMode.Authenticated, Resolve(TestData.Options().Value).Mode);
    }

    [Theory]
    [InlineData("AppId", "Teams:AppId is not set")]
    [InlineData("AppIdNotGuid", "Teams:AppId is not a GUID")]
    [InlineData("AppPassword", "Teams:AppPassword is not set")]
    [InlineData("TenantId", "Teams:TenantId is not set")]
    [InlineData("OpenIdMetadataUrl", "Teams:OpenIdMetadataUrl is not an https URL")]
    [InlineData("AuthorityHttp", "Teams:Authority is not an https URL")]
    [InlineData("AuthorityWithoutTenant", "Teams:Authority is not an https URL")]
    public void Resolve_IncompleteSettings_OffNamingTheSetting(string broken, string problem)
    {
        var options = TestData.Options(o =>
        {
            switch (broken)
            {
                case "AppId": o.AppId = ""; break;
                case "AppIdNotGuid": o.AppId = "chatbrief"; break;
                case "AppPassword": o.AppPassword = null; break;
                case "TenantId": o.TenantId = " "; break;
                case "OpenIdMetadataUrl": o.OpenIdMetadataUrl = "http://login.example.com/metadata"; break;
                case "AuthorityHttp": o.Authority = "http://127.0.0.1:5001/tenant"; break;
                case "AuthorityWithoutTenant": o.Authority = "https://login.example.com/"; break;
            }
        }).Value;

        var settings = Resolve(options);

        Assert.Equal(TeamsDoorMode.Off, settings.Mode);
        Assert.StartsWith(problem, settings.Problem);
    }

    [Fact]
    public void Resolve_AuthorityGiven_TenantNotNeeded()
    {
        var options = TestData.Options(o => { o.TenantId = null; o.Authority = "https://127.0.0.1:5001/tenant"; }).Value;

        Assert.Equal(TeamsDoorMode.Authenticated, Resolve(options).Mode);
    }

    [Fact]
    public void Resolve_AnonymousFlagInDevelopment_AnonymousDevelopment()
    {
        var options = new TeamsOptions { AllowAnonymousDevelopment = true };

        Assert.Equal(TeamsDoorMode.AnonymousDevelopment, Resolve(options, Environments.Development).Mode);
    }

    [Fact]
    public void Resolve_AnonymousFlagInProduction_Off()
    {
        var options = new TeamsOptions { AllowAnonymousDevelopment = true };

        var settings = Resolve(options, Environments.Production);

        Assert.Equal(TeamsDoorMode.Off, settings.Mode);
        Assert.Contains("refused in the Production environment", settings.Problem);
    }

    [Fact]
    public void EffectiveAuthority_Blank_MicrosoftIdentityPlatformForTenant()
    {
        Assert.Equal("https://login.microsoftonline.com/tenant-1", TestData.Options().Value.EffectiveAuthority);
    }

    private static TeamsDoorSettings Resolve(TeamsOptions options, string environment = "Production")
    {
        var host = Mock.Of<IHostEnvironment>(e => e.EnvironmentName == environment);
        return TeamsDoorSettings.Resolve(options, host);
    }
}
