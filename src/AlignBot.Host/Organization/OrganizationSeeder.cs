using System.Security.Cryptography;
using System.Text;
using AlignBot.Core.Availability;
using AlignBot.Core.Organization;
using AlignBot.Core.Standups;
using AlignBot.Data.Organization;
using AlignBot.Data.People;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Organization;

/// <summary>
/// Turns <see cref="OrganizationOptions"/> into teams and stand-ups in the database at start. Every problem is reported
/// with the configuration key that holds it, and stops the start: better at deploy time than at 9:00 on Monday.
/// </summary>
internal sealed class OrganizationSeeder(
    OrganizationWriter writer,
    PeopleLinks links,
    IOptions<OrganizationOptions> options,
    IHostEnvironment environment,
    IHttpClientFactory http,
    TimeProvider clock)
{
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var organization = options.Value;
        var teams = new List<TeamSpec>();
        var standups = new List<StandupDefinition>();
        for (var i = 0; i < organization.Teams.Count; i++)
        {
            var team = organization.Teams[i];
            var key = $"{OrganizationOptions.Section}:Teams:{i}";
            teams.Add(new TeamSpec(
                team.Id,
                team.Name.Length > 0 ? team.Name : team.Id,
                team.Kind,
                team.HomeConversationId,
                team.TimeZone,
                team.WorkingDays.ToHashSet(),
                team.WorkStart,
                team.WorkEnd,
                [.. team.Leads.Select(m => (m.Id, m.Name, TeamRole.Lead)), .. team.Members.Where(m => team.Leads.All(l => !string.Equals(l.Id, m.Id, StringComparison.OrdinalIgnoreCase))).Select(m => (m.Id, m.Name, TeamRole.Member))],
                team.HolidaysIcs is { Length: > 0 } ics ? await ReadHolidaysAsync(ics, $"{key}:HolidaysIcs", cancellationToken) : [])
            {
                Emails = team.Leads.Concat(team.Members).Where(m => m.Email is { Length: > 0 })
                    .GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First().Email!.Trim(), StringComparer.OrdinalIgnoreCase), // filtered non-empty above
            });
            for (var s = 0; s < team.Standups.Count; s++)
            {
                standups.Add(ToDefinition(team, team.Standups[s]));
            }
        }

        await writer.ApplyAsync(teams, standups, cancellationToken);
        await links.ApplyConfiguredAsync(
            [.. organization.Teams.SelectMany(t => t.Leads.Concat(t.Members))
                .Where(m => m.SlackUserId is { Length: > 0 })
                .Select(m => (m.Id, m.SlackUserId!.Trim()))  // filtered non-empty above
                .Distinct()],
            cancellationToken);
    }

    /// <summary>A stand-up's id is derived from its team and name, so applying the configuration again finds the same one.</summary>
    public static Guid StandupId(string teamId, string name) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"standup:{teamId}:{name}".ToLowerInvariant())));

    private static StandupDefinition ToDefinition(TeamOptions team, StandupOptions standup) =>
        new(
            StandupId(team.Id, standup.Name),
            team.Id,
            standup.Name,
            standup.Questions is { Count: > 0 } questions
                ? [.. questions.Select(q => new StandupQuestion(q.Id, q.Text, q.Required, q.Blockers, q.Choices is { Count: > 0 } c ? c : null))]
                : StandupQuestion.Defaults,
            standup.Days.ToHashSet(),
            standup.At,
            standup.AnswerWindow,
            standup.RemindAfter is { } remind && remind > TimeSpan.Zero ? remind : null,
            standup.ReportConversationId is { Length: > 0 } report
                ? new Core.Conversations.ConversationRef(Core.Conversations.Platform.Teams, "", report, Core.Conversations.ConversationKind.Channel, null)
                : null,
            standup.Participants is { Count: > 0 } participants ? participants : null);

    private async Task<IReadOnlyList<(DateOnly Date, string? Name)>> ReadHolidaysAsync(string source, string key, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? await http.CreateClient(nameof(OrganizationSeeder)).GetStringAsync(uri, cancellationToken)
                : await File.ReadAllTextAsync(Path.IsPathRooted(source) ? source : Path.Combine(environment.ContentRootPath, source), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{key}: the holiday calendar '{source}' could not be read: {ex.Message}", ex);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        try
        {
            return HolidayCalendar.Read(text, today.AddYears(-1), today.AddYears(2));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{key}: '{source}' is not a valid iCalendar file: {ex.Message}", ex);
        }
    }
}
