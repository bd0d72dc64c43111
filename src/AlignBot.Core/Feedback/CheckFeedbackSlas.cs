using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Core.Feedback;

/// <summary>
/// The SLA clock, run by the scheduler every minute: a reminder to the owner when a quarter of the working time
/// to a deadline is left; on a breach one card to the marketing leads, and — if it is still open after the
/// configured working time — one to the next level. A paused item (waiting on the seller) is left alone; each
/// reminder and escalation goes once per assignment.
/// </summary>
public sealed class CheckFeedbackSlas(FeedbackSettings settings, IFeedbackStore store, IOrganization organization, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboundMessage>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outbound = new List<OutboundMessage>();
        var open = await store.OpenAsync(null, cancellationToken);
        if (open.Count == 0)
        {
            return outbound;
        }

        var desk = await FeedbackDesk.LoadAsync(organization, cancellationToken);
        foreach (var item in open.Where(i => i.Status != FeedbackStatus.WaitingOnSeller))
        {
            var sla = settings.Sla.For(item.Kind, item.Urgency);
            if (item.AcknowledgedAt is null)
            {
                Check(new Deadline(item, "acknowledged", item.AcknowledgeDueAt, sla.Acknowledge, item.AcknowledgeRemindedAt, item.AcknowledgeEscalatedAt, item.AcknowledgeEscalatedAgainAt,
                    item.MarkAcknowledgeReminded, item.MarkAcknowledgeEscalated, item.MarkAcknowledgeEscalatedAgain), desk, now, outbound);
            }

            Check(new Deadline(item, "resolved", item.ResolveDueAt, sla.Resolve, item.ResolveRemindedAt, item.ResolveEscalatedAt, item.ResolveEscalatedAgainAt,
                item.MarkResolveReminded, item.MarkResolveEscalated, item.MarkResolveEscalatedAgain), desk, now, outbound);
        }

        return outbound;
    }

    private void Check(Deadline deadline, FeedbackDesk desk, DateTimeOffset now, List<OutboundMessage> outbound)
    {
        var item = deadline.Item;
        var owner = desk.Person(item.OwnerId);
        var zone = desk.ZoneOf(owner);
        var availability = desk.AvailabilityOf(item.OwnerId);
        var due = FeedbackCards.Time(deadline.Due, zone);
        if (now < deadline.Due)
        {
            if (deadline.Reminded is null && WorkingTime.Between(now, deadline.Due, availability) <= deadline.Window * SlaPolicy.ReminderShare)
            {
                deadline.MarkReminded(now);
                var headline = $"Reminder: #{item.Number} is due to be {deadline.What} by {due}";
                if (owner?.Direct(MessageContent.FromCard(FeedbackCards.Alert(item, zone, headline), headline), Key(deadline, "reminder")) is { } message)
                {
                    outbound.Add(message);
                }
            }

            return;
        }

        if (deadline.Escalated is null)
        {
            deadline.MarkEscalated(now);
            Escalate(deadline, desk.EscalationLeads(item.OwnerId), $"SLA missed: #{item.Number} was due to be {deadline.What} by {due} ({item.OwnerName})", "escalation", desk, now, outbound);
        }
        else if (deadline.EscalatedAgain is null && settings.Escalation.NextLevel.Count > 0
            && WorkingTime.Between(deadline.Due, now, availability) >= settings.Escalation.After)
        {
            deadline.MarkEscalatedAgain(now);
            var nextLevel = settings.Escalation.NextLevel.Select(desk.Person).OfType<Organization.Participant>().ToList();
            Escalate(deadline, nextLevel, $"Still not {deadline.What}: #{item.Number} was due {due} ({item.OwnerName}); the marketing leads were told {FeedbackCards.Time(deadline.Escalated.Value, zone)}", "escalation-2", desk, now, outbound);
        }
    }

    private void Escalate(Deadline deadline, IReadOnlyList<Organization.Participant> people, string headline, string level, FeedbackDesk desk, DateTimeOffset now, List<OutboundMessage> outbound)
    {
        var item = deadline.Item;
        store.Record(new FeedbackEntry(item.Number, now, "alignbot", "AlignBot", $"escalated ({level}): not {deadline.What} in time", string.Join(", ", people.Select(p => p.DisplayName))));
        foreach (var person in people)
        {
            var card = MessageContent.FromCard(FeedbackCards.Alert(item, desk.ZoneOf(person), headline), headline);
            if (person.Direct(card, $"{Key(deadline, level)}:{person.MemberId}") is { } message)
            {
                outbound.Add(message);
            }
        }
    }

    private static string Key(Deadline deadline, string what) => $"feedback:{deadline.Item.Number}:{deadline.Item.Assignment}:{deadline.What}:{what}";

    /// <summary>One of an item's two deadlines (acknowledge, resolve) and what was done about it.</summary>
    private sealed record Deadline(
        FeedbackItem Item,
        string What,
        DateTimeOffset Due,
        TimeSpan Window,
        DateTimeOffset? Reminded,
        DateTimeOffset? Escalated,
        DateTimeOffset? EscalatedAgain,
        Action<DateTimeOffset> MarkReminded,
        Action<DateTimeOffset> MarkEscalated,
        Action<DateTimeOffset> MarkEscalatedAgain);
}
