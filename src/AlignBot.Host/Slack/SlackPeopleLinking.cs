using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Slack;

/// <summary>
/// Links a person AlignBot meets on Slack to an organization member by the email Slack verified, once per person, with
/// the profile <see cref="SlackPeopleSync"/> has just read (<c>users.info</c>, after the event's ack: Slack is never
/// called while it waits, and never twice for one person's profile). A person already linked, already checked, or
/// unlinked by an admin is not linked again; while no member has an email (in configuration, or their Teams account's
/// from the roster) nothing is compared.
/// </summary>
internal sealed class SlackPeopleLinking(ILogger<SlackPeopleLinking> logger)
{
    /// <summary>Links <paramref name="userId"/> by the email in <paramref name="profile"/>, in the caller's scope and write turn.</summary>
    internal async Task LinkAsync(IServiceProvider services, string userId, SlackUser profile, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AlignBotDbContext>();
        var waiting = await db.People.AsNoTracking().AnyAsync(
            p => p.Platform == Platform.Slack && p.UserId == userId && p.AadObjectId == null && p.EmailCheckedAt == null, cancellationToken);
        if (!waiting || !(await db.TeamMembers.AnyAsync(m => m.Email != null, cancellationToken)
            || await db.People.AnyAsync(p => p.Platform != Platform.Slack && p.AadObjectId != null && p.Email != null, cancellationToken)))
        {
            return; // nothing to decide, or no member's email to compare with
        }

        var answer = SlackVerifiedEmail.Of(profile);
        var linked = await services.GetRequiredService<PeopleLinks>().LinkByEmailAsync(Platform.Slack, userId, answer.Email, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (linked is not null)
        {
            SlackLog.LinkedByEmail(logger, userId, linked.MemberId);
        }
        else
        {
            SlackLog.NotLinkedByEmail(logger, userId, answer.Problem ?? "no member has that email");
        }
    }
}
