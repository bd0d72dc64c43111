using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Data.Organization;

internal sealed class AuditLog(AlignBotDbContext db, TimeProvider clock) : IAuditLog
{
    public void Record(UserRef actor, string teamId, string action, string details) =>
        db.Audit.Add(new AuditRecord
        {
            At = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorAadObjectId = actor.AadObjectId,
            ActorName = actor.DisplayName,
            TeamId = teamId,
            Action = action,
            Details = details.Length <= 1000 ? details : details[..1000],
        });
}
