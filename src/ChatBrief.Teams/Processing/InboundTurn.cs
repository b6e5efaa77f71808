using ChatBrief.Teams.Activities;
using ChatBrief.Teams.Auth;

namespace ChatBrief.Teams.Processing;

/// <summary>An authenticated activity waiting to be answered, with the service URL its replies may go to.</summary>
internal sealed record InboundTurn(InboundActivity Activity, TrustedServiceUrl ServiceUrl)
{
    public string ConversationId => Activity.Conversation!.Id!;
}
