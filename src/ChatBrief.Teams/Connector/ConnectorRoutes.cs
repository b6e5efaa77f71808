using ChatBrief.Teams.Auth;

namespace ChatBrief.Teams.Connector;

/// <summary>The Bot Connector REST addresses, relative to a service URL that may carry a path (e.g. <c>/amer/</c>).</summary>
internal static class ConnectorRoutes
{
    /// <summary><c>v3/conversations/{id}/activities[/{replyToId}]</c>, ids escaped because Teams ids hold <c>:</c>, <c>;</c> and <c>@</c>.</summary>
    public static Uri Activities(TrustedServiceUrl serviceUrl, string conversationId, string? replyToId)
    {
        var baseUri = serviceUrl.Uri.AbsoluteUri;
        var root = new Uri(baseUri.EndsWith('/') ? baseUri : baseUri + "/");
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(root, path);
    }
}
