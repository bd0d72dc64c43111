using System.Globalization;
using AlignBot.Core.Availability;
using AlignBot.Core.Cards;
using AlignBot.Core.Feedback;
using AlignBot.Core.Help;

namespace AlignBot.Core.Home;

/// <summary>The home card: the same card model as every other, rendered as Slack's App Home by the Slack adapter.</summary>
public static class HomeCards
{
    public const int MaxItems = 10;

    public static AdaptiveCard Home(HomeView view)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading(view.Name is { Length: > 0 } name ? $"AlignBot · {name}" : "AlignBot"),
            new TextBlock("**Next stand-up**"),
            new TextBlock(view.Standup is { } next
                ? $"{next.Name} ({next.TeamName}): {When(next.PromptAtUtc, next.TimeZone)}"
                : "None coming up: you are in no team with a running stand-up, or you are out of office."),
        };

        if (view.Requests.Count > 0)
        {
            body.Add(new TextBlock("**Your open requests**"));
            body.AddRange(view.Requests.Take(MaxItems).Select(i => (CardElement)new TextBlock(
                $"#{i.Number} · {FeedbackNames.Of(i.Kind)} · {i.Topic} — {FeedbackNames.Of(i.Status)}, with {i.OwnerName}")));
        }

        if (view.Queue.Count > 0)
        {
            body.Add(new TextBlock("**Your queue**"));
            body.AddRange(view.Queue.Take(MaxItems).Select(i => (CardElement)new TextBlock(
                $"#{i.Number} · {FeedbackNames.Of(i.Kind)} · {i.Topic} from {i.SellerName} — {Due(i, view.Zone)}")));
        }

        if (view.Requests.Count + view.Queue.Count == 0)
        {
            body.Add(TextBlock.Subtle("No open feedback: send some with the button below."));
        }

        return new AdaptiveCard
        {
            FallbackText = "Your AlignBot home",
            Body = body,
            Actions =
            [
                new ExecuteAction("Send feedback", FeedbackActions.Open),
                new ExecuteAction("My queue", HomeActions.MyQueue),
                new ExecuteAction("My requests", HomeActions.MyRequests),
                new ExecuteAction("Help", HelpActions.ShowHelp),
            ],
        };
    }

    private static string Due(FeedbackItem item, TimeZoneInfo zone) =>
        item.Status == FeedbackStatus.WaitingOnSeller ? "waiting on the seller"
        : item.AcknowledgedAt is null ? $"acknowledge by {Local(item.AcknowledgeDueAt, zone)}"
        : $"resolve by {Local(item.ResolveDueAt, zone)}";

    private static string When(DateTimeOffset utc, string timeZone) =>
        $"{Local(utc, LocalClock.TryZone(timeZone, out var zone) ? zone : TimeZoneInfo.Utc)} ({timeZone})";

    private static string Local(DateTimeOffset utc, TimeZoneInfo zone) =>
        LocalClock.LocalDateTime(utc, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
}
