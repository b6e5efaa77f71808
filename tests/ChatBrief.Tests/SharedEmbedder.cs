using ChatBrief.Core.Semantic;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBrief.Tests;

/// <summary>
/// One embedding model for every host the tests start in this process. Each host's index warm-up loaded its own copy,
/// about a second of CPU per host, and most tests start a host of their own; the model is stateless, so sharing it
/// changes nothing a test checks. A host does not dispose of an instance it was given; the process ends with it.
/// </summary>
internal static class SharedEmbedder
{
    private static readonly ArcticXsEmbedder Instance = new();

    public static void UseIn(WebApplicationBuilder builder) => builder.Services.AddSingleton<IPassageEmbedder>(Instance);
}
