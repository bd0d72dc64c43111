using AlignBot.Host.Organization;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Feedback;

/// <summary>
/// Checks the feedback configuration against the organization at start: every person a rule, queue, backup or the
/// default owner names must be a member of a declared team, every queue a rule names must exist, and each rule must
/// name exactly one owner or queue. Each problem names its key.
/// </summary>
internal sealed class FeedbackOptionsValidator(IOptions<OrganizationOptions> organization) : IValidateOptions<FeedbackOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        var errors = new List<string>();
        var known = organization.Value.Teams.SelectMany(t => t.Leads.Concat(t.Members)).Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var queues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        const string section = FeedbackOptions.Section;

        void Person(string key, string? id)
        {
            if (!string.IsNullOrWhiteSpace(id) && !known.Contains(id))
            {
                errors.Add($"{key} names '{id}', who is not a member of any team in {OrganizationOptions.Section}:Teams.");
            }
        }

        Person($"{section}:DefaultOwner", options.DefaultOwner);
        foreach (var (owner, backup) in options.Backups)
        {
            Person($"{section}:Backups:{owner}", owner);
            Person($"{section}:Backups:{owner}", backup);
        }

        for (var i = 0; i < options.Escalation.NextLevel.Count; i++)
        {
            Person($"{section}:Escalation:NextLevel:{i}", options.Escalation.NextLevel[i]);
        }

        if (options.Escalation.After <= TimeSpan.Zero)
        {
            errors.Add($"{section}:Escalation:After must be positive.");
        }

        for (var i = 0; i < options.Queues.Count; i++)
        {
            var queue = options.Queues[i];
            var key = $"{section}:Queues:{i}";
            if (string.IsNullOrWhiteSpace(queue.Name) || !queues.Add(queue.Name))
            {
                errors.Add($"{key}:Name is required and unique.");
            }

            if (queue.Members.Count == 0)
            {
                errors.Add($"{key}:Members needs at least one person.");
            }

            for (var m = 0; m < queue.Members.Count; m++)
            {
                Person($"{key}:Members:{m}", queue.Members[m]);
            }
        }

        var ruleNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var key = $"{section}:Rules:{i}";
            if (string.IsNullOrWhiteSpace(rule.Name) || !ruleNames.Add(rule.Name))
            {
                errors.Add($"{key}:Name is required and unique.");
            }

            var hasOwner = !string.IsNullOrWhiteSpace(rule.Owner);
            var hasQueue = !string.IsNullOrWhiteSpace(rule.Queue);
            if (hasOwner == hasQueue)
            {
                errors.Add($"{key} must name exactly one of Owner or Queue.");
            }

            if (hasOwner)
            {
                Person($"{key}:Owner", rule.Owner);
            }

            if (hasQueue && !queues.Contains(rule.Queue!))
            {
                errors.Add($"{key}:Queue '{rule.Queue}' is not one of {section}:Queues.");
            }

            if (options.Topics.Count > 0)
            {
                foreach (var topic in rule.Topics.Where(t => !options.Topics.Contains(t, StringComparer.OrdinalIgnoreCase)))
                {
                    errors.Add($"{key}:Topics '{topic}' is not one of {section}:Topics, so the rule could never match it.");
                }
            }
        }

        for (var i = 0; i < options.Sla.Count; i++)
        {
            var sla = options.Sla[i];
            if (sla.Acknowledge <= TimeSpan.Zero || sla.Resolve < sla.Acknowledge)
            {
                errors.Add($"{section}:Sla:{i} needs Acknowledge > 0 and Resolve at least as long as Acknowledge.");
            }
        }

        if (options.DuplicateThreshold is <= 0 or > 1)
        {
            errors.Add($"{section}:DuplicateThreshold must be above 0 and at most 1; it is {options.DuplicateThreshold}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
