using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Core.Feedback;

/// <summary>
/// The SLA clock, run by the scheduler every minute: a reminder to the owner when a quarter of the working time
/// to a deadline is left, and on a breach one card to the marketing leads. A paused item (waiting on the seller)
/// is left alone; each reminder and escalation goes once per assignment.
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
            var availability = desk.AvailabilityOf(item.OwnerId);
            if (item.AcknowledgedAt is null)
            {
                Check(item, "acknowledge", item.AcknowledgeDueAt, sla.Acknowledge, item.AcknowledgeRemindedAt, item.AcknowledgeEscalatedAt,
                    item.MarkAcknowledgeReminded, item.MarkAcknowledgeEscalated);
            }

            Check(item, "resolve", item.ResolveDueAt, sla.Resolve, item.ResolveRemindedAt, item.ResolveEscalatedAt,
                item.MarkResolveReminded, item.MarkResolveEscalated);

            void Check(FeedbackItem item, string what, DateTimeOffset due, TimeSpan window, DateTimeOffset? reminded, DateTimeOffset? escalated, Action<DateTimeOffset> markReminded, Action<DateTimeOffset> markEscalated)
            {
                var owner = desk.Person(item.OwnerId);
                var zone = desk.ZoneOf(owner);
                if (now >= due)
                {
                    if (escalated is not null)
                    {
                        return;
                    }

                    markEscalated(now);
                    var headline = $"SLA missed: #{item.Number} was due to be {(what == "acknowledge" ? "acknowledged" : "resolved")} by {FeedbackCards.Time(due, zone)} ({item.OwnerName})";
                    store.Record(new FeedbackEntry(item.Number, now, "alignbot", "AlignBot", $"escalated: not {(what == "acknowledge" ? "acknowledged" : "resolved")} in time", null));
                    foreach (var lead in desk.EscalationLeads(item.OwnerId))
                    {
                        var card = MessageContent.FromCard(FeedbackCards.Alert(item, desk.ZoneOf(lead), headline), headline);
                        if (lead.Direct(card, $"feedback:{item.Number}:{item.Assignment}:{what}:escalation:{lead.MemberId}") is { } message)
                        {
                            outbound.Add(message);
                        }
                    }

                    return;
                }

                if (reminded is null && WorkingTime.Between(now, due, availability) <= window * SlaPolicy.ReminderShare)
                {
                    markReminded(now);
                    var headline = $"Reminder: #{item.Number} is due to be {(what == "acknowledge" ? "acknowledged" : "resolved")} by {FeedbackCards.Time(due, zone)}";
                    var card = MessageContent.FromCard(FeedbackCards.Alert(item, zone, headline), headline);
                    if (owner?.Direct(card, $"feedback:{item.Number}:{item.Assignment}:{what}:reminder") is { } message)
                    {
                        outbound.Add(message);
                    }
                }
            }
        }

        return outbound;
    }
}
