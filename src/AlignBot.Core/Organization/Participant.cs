using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;

namespace AlignBot.Core.Organization;

/// <summary>
/// A team member as features need them: who (<see cref="MemberId"/> is the AAD object id the organization names them
/// by), how to reach them 1:1 (null until they have talked to the bot or it was installed for them), and when.
/// </summary>
public sealed record Participant(string MemberId, string DisplayName, TeamRole Role, UserRef? User, ConversationRef? Personal, MemberAvailability Availability)
{
    /// <summary>The message that reaches this person privately: their 1:1 chat, or a proactive 1:1 through their tenant.</summary>
    public OutboundMessage? Direct(MessageContent content, string key) =>
        (Personal, User, Via) switch
        {
            ({ } personal, _, _) => OutboundMessage.Send(personal, content, key),
            (null, { } user, { } via) => OutboundMessage.SendToUser(via, user, content, key),
            _ => null,
        };

    /// <summary>Tenant and service through which a proactive 1:1 can be opened when no personal chat is known.</summary>
    public ConversationRef? Via { get; init; }
}
