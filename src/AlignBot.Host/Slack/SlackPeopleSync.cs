using System.Collections.Concurrent;
using System.Threading.Channels;
using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Slack;

/// <summary>
/// Reads a Slack person's profile (<c>users.info</c>) when AlignBot first meets them, and again once it is a day old:
/// their name, locale and IANA time zone (<c>tz</c>), which stand-ups and SLAs are computed in. Slack's events carry the
/// user id alone. Never inline: Slack waits for its ack, so the event only queues the person and this service reads
/// them afterwards, at the pace of users.info's tier. A time zone the person set with <c>timezone</c> is never replaced.
/// The same profile's verified email links the person to an organization member (<see cref="SlackPeopleLinking"/>).
/// </summary>
internal sealed class SlackPeopleSync(SlackWebApiClient api, SlackPeopleLinking linking, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlackPeopleSync> logger) : BackgroundService
{
    /// <summary>How old a profile may get before the person's next event reads it again.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);

    private readonly Channel<(string TeamId, string UserId)> _queue = Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<(string TeamId, string UserId), DateTimeOffset> _readAt = new();

    /// <summary>Queues the person behind a Slack event, unless their profile was read within <see cref="RefreshAfter"/>.</summary>
    public void Request(ChatEvent chatEvent)
    {
        if (chatEvent.Conversation.Platform != Platform.Slack || chatEvent.From is not { } from)
        {
            return;
        }

        var key = (chatEvent.Conversation.TenantId, from.UserId);
        var now = clock.GetUtcNow();
        if (_readAt.TryGetValue(key, out var at) && now - at < RefreshAfter)
        {
            return;
        }

        _readAt[key] = now;
        if (!_queue.Writer.TryWrite(key))
        {
            _readAt.TryRemove(key, out _); // the queue is full: the person's next event asks again
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (teamId, userId) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ReadAsync(teamId, userId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    _readAt.TryRemove((teamId, userId), out _);
                    SlackLog.ProfileFailed(logger, ex, userId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a person still queued is read on their next event after the restart.
        }
    }

    /// <summary>Reads one person's profile into what AlignBot knows of them; false when Slack did not answer it.</summary>
    internal async Task<bool> ReadAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var answer = await api.UserInfoAsync(teamId, userId, cancellationToken);
        if (answer.Value is not { } user)
        {
            _readAt.TryRemove((teamId, userId), out _);
            SlackLog.ProfileNotRead(logger, userId, answer.Response.Error ?? $"HTTP {(int)answer.Response.StatusCode}");
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        using var turn = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Platform == Platform.Slack && p.UserId == userId, cancellationToken);
        if (person is null)
        {
            return true; // met and gone (or never stored): nothing to refresh
        }

        person.DisplayName = user.Name ?? person.DisplayName;
        person.Locale = user.Locale ?? person.Locale;
        if (user.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) && person.TimeZoneSource <= AvailabilitySource.Client)
        {
            // Slack's profile zone is what the person's client shows them: it ranks with Teams' client zone, below
            // their mailbox and their own "timezone".
            person.TimeZone = zone;
            person.TimeZoneSource = AvailabilitySource.Client;
        }

        await db.SaveChangesAsync(cancellationToken);
        await linking.LinkAsync(scope.ServiceProvider, userId, user, cancellationToken);
        return true;
    }
}
