using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace ChatBrief.Teams;

/// <summary>Wires the Teams door into the host.</summary>
public static class TeamsHostingExtensions
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints) => endpoints;
}
