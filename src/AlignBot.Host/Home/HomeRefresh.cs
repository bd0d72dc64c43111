using AlignBot.Core.Conversations;
using AlignBot.Core.Home;
using AlignBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Home;

/// <summary>
/// Keeps a person's Slack App Home current: when an event sends something to a Slack person's 1:1 chat (a card for an
/// owner's queue, a seller's card changed by the owner's action), their home is published again, as it is after this
/// event's changes. Only for people who have opened their home before (a publish of theirs is in the outbox), so
/// nobody gets a home they never looked at; the publish is an outbox row like any message, sent after the commit.
/// </summary>
internal sealed class HomeRefresh(AlignBotDbContext db, HomeHandlers home)
{
    public async Task<IReadOnlyList<OutboundMessage>> AfterAsync(IEnumerable<OutboundMessage> outbound, CancellationToken cancellationToken)
    {
        var chats = outbound
            .Where(m => m.To.Platform == Platform.Slack && m.To.Kind == ConversationKind.Personal && m.Operation != OutboundOperation.PublishHome)
            .Select(m => m.To)
            .DistinctBy(c => c.ConversationId)
            .ToList();
        if (chats.Count == 0)
        {
            return [];
        }

        var ids = chats.Select(c => c.ConversationId).ToList();
        var opened = await db.Outbox.AsNoTracking()
            .Where(o => o.Platform == Platform.Slack && o.Operation == OutboundOperation.PublishHome && ids.Contains(o.ConversationId))
            .Select(o => o.ConversationId).Distinct().ToListAsync(cancellationToken);
        if (opened.Count == 0)
        {
            return [];
        }

        await db.SaveChangesAsync(cancellationToken); // inside the caller's transaction: the home reads this event's changes
        var people = await db.People.AsNoTracking()
            .Where(p => p.Platform == Platform.Slack && p.PersonalConversationId != null && opened.Contains(p.PersonalConversationId))
            .ToListAsync(cancellationToken);
        var published = new List<OutboundMessage>();
        foreach (var person in people)
        {
            var chat = chats.First(c => c.ConversationId == person.PersonalConversationId);
            published.Add(await home.PublishAsync(chat, new UserRef(Platform.Slack, person.UserId, person.AadObjectId, person.DisplayName), cancellationToken));
        }

        return published;
    }
}
