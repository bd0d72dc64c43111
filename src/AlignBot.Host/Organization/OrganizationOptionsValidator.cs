using AlignBot.Core.Availability;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Organization;

/// <summary>Checks the declared organization at start and names the key of every problem.</summary>
internal sealed class OrganizationOptionsValidator : IValidateOptions<OrganizationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizationOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Teams.Count; i++)
        {
            var team = options.Teams[i];
            var key = $"{OrganizationOptions.Section}:Teams:{i}";
            if (string.IsNullOrWhiteSpace(team.Id) || team.Id.Length > 64)
            {
                errors.Add($"{key}:Id is required (at most 64 characters).");
            }
            else if (!ids.Add(team.Id))
            {
                errors.Add($"{key}:Id '{team.Id}' is used by another team.");
            }

            if (!LocalClock.TryZone(team.TimeZone, out _))
            {
                errors.Add($"{key}:TimeZone '{team.TimeZone}' is not a known IANA time zone (e.g. Europe/Berlin).");
            }

            if (team.WorkEnd <= team.WorkStart)
            {
                errors.Add($"{key}:WorkEnd must be after WorkStart.");
            }

            var members = team.Leads.Concat(team.Members).Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (member, m) in team.Leads.Concat(team.Members).Select((m, index) => (m, index)))
            {
                if (string.IsNullOrWhiteSpace(member.Id))
                {
                    errors.Add($"{key}: member {m} has no Id (their AAD object id).");
                }

                if (member.Email is { Length: > 0 } email && !LooksLikeEmail(email))
                {
                    errors.Add($"{key}: member {m} ({member.Id}) has Email '{email}', which is not an email address.");
                }

                if (member.SlackUserId is { Length: > 0 } slackId && !LooksLikeSlackUserId(slackId))
                {
                    errors.Add($"{key}: member {m} ({member.Id}) has SlackUserId '{slackId}', which is not a Slack user id (U… or W…).");
                }
            }

            var standupNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var s = 0; s < team.Standups.Count; s++)
            {
                var standup = team.Standups[s];
                var standupKey = $"{key}:Standups:{s}";
                if (string.IsNullOrWhiteSpace(standup.Name) || !standupNames.Add(standup.Name))
                {
                    errors.Add($"{standupKey}:Name is required and unique within the team.");
                }

                if (standup.Days.Count == 0)
                {
                    errors.Add($"{standupKey}:Days needs at least one day.");
                }

                if (standup.AnswerWindow <= TimeSpan.Zero || standup.AnswerWindow > TimeSpan.FromHours(24))
                {
                    errors.Add($"{standupKey}:AnswerWindow must be between 00:01 and 24:00.");
                }

                foreach (var participant in standup.Participants ?? [])
                {
                    if (!members.Contains(participant))
                    {
                        errors.Add($"{standupKey}:Participants names '{participant}', who is not a member or lead of team '{team.Id}'.");
                    }
                }

                var questionIds = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (question, q) in (standup.Questions ?? []).Select((question, index) => (question, index)))
                {
                    if (string.IsNullOrWhiteSpace(question.Id) || !questionIds.Add(question.Id) || string.IsNullOrWhiteSpace(question.Text))
                    {
                        errors.Add($"{standupKey}:Questions:{q} needs a unique Id and a Text.");
                    }
                }
            }
        }

        // One email or Slack user is one member: the same one on two members would link a person to either.
        foreach (var (what, values) in new[] { ("Email", options.Teams.SelectMany(t => t.Leads.Concat(t.Members)).Select(m => (m.Id, Value: m.Email))), ("SlackUserId", options.Teams.SelectMany(t => t.Leads.Concat(t.Members)).Select(m => (m.Id, Value: m.SlackUserId))) })
        {
            foreach (var shared in values.Where(v => v.Value is { Length: > 0 }).GroupBy(v => v.Value!.Trim(), StringComparer.OrdinalIgnoreCase) // filtered non-empty
                .Where(g => g.Select(v => v.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1))
            {
                errors.Add($"{OrganizationOptions.Section}: {what} '{shared.Key}' is given to more than one member ({string.Join(", ", shared.Select(v => v.Id).Distinct(StringComparer.OrdinalIgnoreCase))}).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool LooksLikeEmail(string text) =>
        text.Length <= 320 && text.IndexOf('@') is var at && at > 0 && at < text.Length - 1 && !text.Any(char.IsWhiteSpace) && text.IndexOf('@', at + 1) < 0;

    internal static bool LooksLikeSlackUserId(string text) =>
        text.Length is >= 3 and <= 32 && text[0] is 'U' or 'W' && text.All(char.IsAsciiLetterOrDigit) && text.All(c => !char.IsAsciiLetterLower(c));
}
