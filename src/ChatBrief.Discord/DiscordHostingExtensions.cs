using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace ChatBrief.Discord;

/// <summary>Wires the Discord door into the host.</summary>
public static class DiscordHostingExtensions
{
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints) => endpoints;
}
