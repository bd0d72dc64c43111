using System.Text.Json;
using AlignBot.Core.Cards;
using AlignBot.Core.Standups;
using AlignBot.Data.Standups;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Organization;

/// <summary>
/// Applies the organization declared in configuration, idempotently: teams, their members and holidays are set to
/// what configuration says; stand-ups are created or updated, keeping a pause and questions a lead set in chat.
/// </summary>
internal sealed class OrganizationWriter(AlignBotDbContext db, IStandupStore standups, TimeProvider clock)
{
    public async Task ApplyAsync(IReadOnlyList<TeamSpec> teams, IReadOnlyList<StandupDefinition> standupSpecs, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var spec in teams)
        {
            var team = await db.Teams.Include(t => t.Members).Include(t => t.Holidays).SingleOrDefaultAsync(t => t.Id == spec.Id, cancellationToken);
            if (team is null)
            {
                team = new TeamRecord { Id = spec.Id };
                db.Teams.Add(team);
            }

            team.Name = spec.Name;
            team.Kind = spec.Kind;
            team.HomeConversationId = spec.HomeConversationId;
            team.TimeZone = spec.TimeZone;
            team.WorkingDays = RosterReader.Mask(spec.WorkingDays);
            team.WorkStart = spec.WorkStart;
            team.WorkEnd = spec.WorkEnd;
            team.UpdatedAt = now;

            var wanted = spec.Members.ToDictionary(m => m.MemberId, StringComparer.OrdinalIgnoreCase);
            team.Members.RemoveAll(m => !wanted.ContainsKey(m.MemberId));
            foreach (var (memberId, displayName, role) in spec.Members)
            {
                var member = team.Members.FirstOrDefault(m => string.Equals(m.MemberId, memberId, StringComparison.OrdinalIgnoreCase));
                if (member is null)
                {
                    member = new TeamMemberRecord { TeamId = spec.Id, MemberId = memberId };
                    team.Members.Add(member);
                }

                member.DisplayName = displayName;
                member.Role = role;
                member.Email = spec.Emails.GetValueOrDefault(memberId);
            }

            var holidays = spec.Holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First().Name);
            team.Holidays.RemoveAll(h => !holidays.ContainsKey(h.Date));
            foreach (var (date, name) in holidays.Where(h => team.Holidays.All(existing => existing.Date != h.Key)))
            {
                team.Holidays.Add(new TeamHolidayRecord { TeamId = spec.Id, Date = date, Name = name });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var standup in standupSpecs)
        {
            var existing = await db.Standups.AsNoTracking().SingleOrDefaultAsync(s => s.Id == standup.Id, cancellationToken);
            await standups.SaveStandupAsync(
                existing is null ? standup
                : existing.QuestionsEditedAt is null ? standup with { Paused = existing.Paused }
                : standup with { Paused = existing.Paused, Questions = JsonSerializer.Deserialize<List<StandupQuestion>>(existing.QuestionsJson, CardJson.Options) ?? [.. standup.Questions] },
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
