namespace ChatBrief.Tests.Teams;

/// <summary>
/// Sends the bot's token requests for an https authority on 127.0.0.1 to the <see cref="BotFrameworkStandIn"/>'s plain
/// http on the same port: MSAL accepts only https authorities, and the stand-in has no certificate.
/// </summary>
internal sealed class PlainHttpToStandIn : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { Scheme: "https", Host: "127.0.0.1" } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
