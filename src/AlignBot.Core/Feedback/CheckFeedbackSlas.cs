using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Core.Feedback;

/// <summary>
/// The SLA clock, run by the scheduler every minute over the items whose next check has come (each item says when
/// that is, so a tick reads a handful of rows however many are open): a reminder to the owner when a quarter of the
/// working time to a deadline is left; on a breach one card to the marketing leads, and — if it is still open after the
/// configured working time — one to the next level. A paused item (waiting on the seller) is left alone; each
/// reminder and escalation goes once per assignment.
/// </summary>
public sealed class CheckFeedbackSlas(FeedbackSettings settings, IFeedbackStore store, IOrganization organization, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboundMessage>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outbound = new List<OutboundMessage>();
        var due = await store.DueForCheckAsync(now, cancellationToken);
        if (due.Count == 0)
        {
            return outbound;
        }

        var desk = await FeedbackDesk.LoadAsync(organization, cancellationToken);
        foreach (var item in due)
        {
            if (item.IsClosed || item.Status == FeedbackStatus.WaitingOnSeller)
            {
                item.CheckAgainAt(null);
                continue;
            }

            var sla = settings.Sla.For(item.Kind, item.Urgency);
            var availability = desk.AvailabilityOf(item.OwnerId);
            var next = new List<DateTimeOffset?>();
            if (item.AcknowledgedAt is null)
            {
                var acknowledge = new Deadline(item, "acknowledged", item.AcknowledgeDueAt, sla.Acknowledge, item.AcknowledgeRemindedAt, item.AcknowledgeEscalatedAt, item.AcknowledgeEscalatedAgainAt,
                    item.MarkAcknowledgeReminded, item.MarkAcknowledgeEscalated, item.MarkAcknowledgeEscalatedAgain);
                Check(acknowledge, desk, now, outbound);
                next.Add(NextEvent(acknowledge with { Reminded = item.AcknowledgeRemindedAt, Escalated = item.AcknowledgeEscalatedAt, EscalatedAgain = item.AcknowledgeEscalatedAgainAt }, availability));
            }

            var resolve = new Deadline(item, "resolved", item.ResolveDueAt, sla.Resolve, item.ResolveRemindedAt, item.ResolveEscalatedAt, item.ResolveEscalatedAgainAt,
                item.MarkResolveReminded, item.MarkResolveEscalated, item.MarkResolveEscalatedAgain);
            Check(resolve, desk, now, outbound);
            next.Add(NextEvent(resolve with { Reminded = item.ResolveRemindedAt, Escalated = item.ResolveEscalatedAt, EscalatedAgain = item.ResolveEscalatedAgainAt }, availability));
            item.CheckAgainAt(next.Where(n => n is not null).Min());
        }

        return outbound;
    }

    /// <summary>A quarter of the working time before the deadline: never in the owner's evening or weekend.</summary>
    private static DateTimeOffset ReminderAt(Deadline deadline, MemberAvailability availability) =>
        WorkingTime.Subtract(deadline.Due, deadline.Window * SlaPolicy.ReminderShare, availability);

    /// <summary>When the next reminder or escalation of a deadline falls due (null: nothing more will happen to it).</summary>
    private DateTimeOffset? NextEvent(Deadline deadline, MemberAvailability availability) =>
        deadline.Reminded is null && deadline.Escalated is null ? ReminderAt(deadline, availability)
        : deadline.Escalated is null ? deadline.Due
        : deadline.EscalatedAgain is null && settings.Escalation.NextLevel.Count > 0 ? WorkingTime.Add(deadline.Due, settings.Escalation.After, availability)
        : null;

    private void Check(Deadline deadline, FeedbackDesk desk, DateTimeOffset now, List<OutboundMessage> outbound)
    {
        var item = deadline.Item;
        var owner = desk.Person(item.OwnerId);
        var zone = desk.ZoneOf(owner);
        var availability = desk.AvailabilityOf(item.OwnerId);
        var due = FeedbackCards.Time(deadline.Due, zone);
        if (now < deadline.Due)
        {
            if (deadline.Reminded is null && now >= ReminderAt(deadline, availability))
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
