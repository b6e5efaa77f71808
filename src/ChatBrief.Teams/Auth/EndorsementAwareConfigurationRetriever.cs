using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;

namespace ChatBrief.Teams.Auth;

/// <summary>
/// Reads the OpenID metadata and then the JWKS it names into an <see cref="EndorsedOpenIdConfiguration"/>. The standard
/// retriever would read the same two documents but hand back keys without their endorsements.
/// </summary>
internal sealed class EndorsementAwareConfigurationRetriever(ILogger logger) : IConfigurationRetriever<EndorsedOpenIdConfiguration>
{
    public async Task<EndorsedOpenIdConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        try
        {
            var configuration = new EndorsedOpenIdConfiguration(await retriever.GetDocumentAsync(address, cancel));
            if (!SecureUrl.IsAcceptable(configuration.JwksUri))
            {
                throw new InvalidOperationException($"The OpenID metadata names no usable jwks_uri: '{configuration.JwksUri}'.");
            }

            configuration.ReadKeys(await retriever.GetDocumentAsync(configuration.JwksUri, cancel));
            logger.LogInformation("Read {KeyCount} Bot Framework signing keys from {JwksUri}", configuration.EndorsedKeys.Count, configuration.JwksUri);
            return configuration;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The configuration manager keeps serving the keys it has and says nothing; this line says why they are old.
            logger.LogWarning("Could not read the Bot Framework signing keys from {MetadataUrl}: {Reason}", address, e.Message);
            throw;
        }
    }
}
