using System.Threading.Channels;
using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Slack;

/// <summary>
/// Links a person AlignBot meets on Slack to an organization member by the email Slack verified (<c>users.info</c>),
/// once per person, after the event's ack: the Slack API is never called while Slack waits. A person already linked,
/// already checked, or unlinked by an admin is not asked about again; while no member has an email (in configuration,
/// or their Teams account's from the roster) nobody is asked. Without a bot token nothing is linked by email.
/// </summary>
internal sealed class SlackPeopleLinking(IServiceScopeFactory scopes, ILogger<SlackPeopleLinking> logger) : BackgroundService
{
    private readonly Channel<(string TeamId, string UserId)> _queue = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Asks for the person to be linked; a full queue drops it (the person's next message asks again).</summary>
    public void Request(UserRef? user, ConversationRef conversation)
    {
        if (user is { Platform: Platform.Slack, AadObjectId: null } && conversation.TenantId.Length > 0)
        {
            _queue.Writer.TryWrite((conversation.TenantId, user.UserId));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (teamId, userId) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await LinkAsync(teamId, userId, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // One person's lookup failing (Slack down, a write conflict) must not stop linking for everyone after
                // them: their email was not recorded as checked, so their next event asks again.
                SlackLog.EmailLinkFailed(logger, ex, userId);
            }
        }
    }

    internal async Task LinkAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (services.GetService<SlackWebApiClient>() is not { } api)
        {
            return;
        }

        var db = services.GetRequiredService<AlignBotDbContext>();
        var waiting = await db.People.AsNoTracking().AnyAsync(
            p => p.Platform == Platform.Slack && p.UserId == userId && p.AadObjectId == null && p.EmailCheckedAt == null, cancellationToken);
        if (!waiting || !(await db.TeamMembers.AnyAsync(m => m.Email != null, cancellationToken)
            || await db.People.AnyAsync(p => p.Platform != Platform.Slack && p.AadObjectId != null && p.Email != null, cancellationToken)))
        {
            return; // nothing to ask, or no member's email to compare with: Slack is not asked for nothing
        }

        var answer = await api.VerifiedEmailAsync(teamId, userId, cancellationToken);
        using var turn = await services.GetRequiredService<WriteGate>().EnterAsync(cancellationToken);
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
