using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Feedback;
using AlignBot.Core.Organization;
using AlignBot.Core.Routing;
using AlignBot.Core.Standups;

namespace AlignBot.Core.Home;

/// <summary>
/// A person's home (Slack's App Home tab): built from the stores each time it is opened, and published for that person
/// through the outbox, so it goes out after the unit of work commits. Its queue and requests buttons answer in chat.
/// </summary>
public sealed class HomeHandlers(IOrganization organization, IStandupStore standups, IFeedbackStore feedback, TimeProvider clock)
{
    /// <summary>How far ahead the next stand-up is looked for (a long holiday hides it).</summary>
    public const int LookAheadDays = 21;

    public static void Map(ChatRouter router) =>
        router
            .OnHomeOpened<HomeHandlers>((h, e, ct) => h.OpenedAsync(e, ct))
            .OnCardAction<HomeHandlers>(HomeActions.MyQueue, (h, a, ct) => h.ListAsync(a, queue: true, ct))
            .OnCardAction<HomeHandlers>(HomeActions.MyRequests, (h, a, ct) => h.ListAsync(a, queue: false, ct));

    public async Task<Ack> OpenedAsync(HomeOpened opened, CancellationToken cancellationToken) =>
        opened.From is { } user ? Ack.Send(await PublishAsync(opened.Conversation, user, cancellationToken)) : Ack.Nothing;

    /// <summary>The outbox row that publishes <paramref name="user"/>'s home as it is now.</summary>
    public async Task<OutboundMessage> PublishAsync(ConversationRef personalChat, UserRef user, CancellationToken cancellationToken) =>
        OutboundMessage.PublishHome(personalChat, user, MessageContent.FromCard(HomeCards.Home(await ViewAsync(user, cancellationToken)), "Your AlignBot home"));

    public async Task<HomeView> ViewAsync(UserRef user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var memberId = FeedbackDesk.MemberId(user);
        var mine = (await organization.TeamsOfAsync(user, cancellationToken))
            .Select(t => (Team: t, Me: t.Find(user)))
            .Where(t => t.Me is not null)
            .ToDictionary(t => t.Team.TeamId, t => t.Me!, StringComparer.OrdinalIgnoreCase); // filtered non-null above
        NextStandup? next = null;
        foreach (var (standup, team) in await standups.GetStandupsAsync(cancellationToken))
        {
            if (standup.Paused || !mine.TryGetValue(team.TeamId, out var me)
                || (standup.Participants is { } chosen && !chosen.Contains(me.MemberId, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (NextPrompt(standup, me.Availability, now) is { } at && (next is null || at < next.PromptAtUtc))
            {
                next = new NextStandup(standup.Name, team.Name, at, me.Availability.TimeZone);
            }
        }

        var zoneId = mine.Values.Select(m => m.Availability.TimeZone).FirstOrDefault();
        var requests = (await feedback.OfSellerAsync(memberId, 50, cancellationToken)).Where(i => !i.IsClosed).ToList();
        var queue = Ordered(await feedback.OpenAsync(memberId, cancellationToken));
        return new HomeView(user.DisplayName ?? mine.Values.Select(m => m.DisplayName).FirstOrDefault(), next, requests, queue, FeedbackDesk.ZoneOf(zoneId));
    }

    public async Task<Ack> ListAsync(CardActionSubmitted action, bool queue, CancellationToken cancellationToken)
    {
        if (action.From is not { } user)
        {
            return Ack.Nothing;
        }

        var view = await ViewAsync(user, cancellationToken);
        var card = queue
            ? FeedbackCards.List("Your queue", "Nothing is waiting for you. 🎉", view.Queue, view.Zone, forOwner: true)
            : FeedbackCards.List("Your requests", "You have no open requests. Send feedback to marketing from the home.", view.Requests, view.Zone, forOwner: false);
        return Ack.Send(OutboundMessage.Send(action.Conversation, MessageContent.FromCard(card, queue ? "Your queue" : "Your requests")));
    }

    /// <summary>The next prompt time after <paramref name="now"/> on one of the person's working days that is no holiday and not out of office.</summary>
    public static DateTimeOffset? NextPrompt(StandupDefinition standup, MemberAvailability availability, DateTimeOffset now)
    {
        if (!LocalClock.TryZone(availability.TimeZone, out var zone))
        {
            return null;
        }

        var today = LocalClock.LocalDate(now, zone);
        for (var day = 0; day <= LookAheadDays; day++)
        {
            var date = today.AddDays(day);
            if (!standup.Days.Contains(date.DayOfWeek) || !availability.Pattern.IsWorkingDay(date) || availability.IsHoliday(date) || availability.IsOutOfOffice(date))
            {
                continue;
            }

            var at = LocalClock.ToUtc(date, standup.PromptAt, zone);
            if (at > now)
            {
                return at;
            }
        }

        return null;
    }

    private static List<FeedbackItem> Ordered(IReadOnlyList<FeedbackItem> items) =>
        [.. items.OrderBy(i => i.Status == FeedbackStatus.WaitingOnSeller ? 1 : 0).ThenBy(i => i.AcknowledgedAt is null ? i.AcknowledgeDueAt : i.ResolveDueAt)];
}
