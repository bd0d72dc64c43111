using AlignBot.Core.Conversations;

namespace AlignBot.Core.Organization;

/// <summary>Who changed what, and when: every configuration change made from chat is recorded in the caller's unit of work.</summary>
public interface IAuditLog
{
    void Record(UserRef actor, string teamId, string action, string details);
}
