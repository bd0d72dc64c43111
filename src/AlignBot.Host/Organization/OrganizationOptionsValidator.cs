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

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
