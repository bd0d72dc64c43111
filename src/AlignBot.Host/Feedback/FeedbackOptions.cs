using AlignBot.Core.Feedback;

namespace AlignBot.Host.Feedback;

/// <summary>
/// <c>AlignBot:Feedback</c>: the feedback card's choices, the routing rules (in order), queues, backups and SLA
/// targets. People are named by the member ids the organization uses (AAD object ids). Checked at start: a rule
/// that names an unknown person or queue stops the start with its key named.
/// </summary>
public sealed class FeedbackOptions
{
    public const string Section = "AlignBot:Feedback";

    public List<string> Topics { get; set; } = [];

    public List<string> Personas { get; set; } = [];

    public List<string>? Stages { get; set; }

    /// <summary>Who gets what no rule matches. Empty: the first lead of a marketing team.</summary>
    public string? DefaultOwner { get; set; }

    /// <summary>Owner → backup, used while the owner is out of office.</summary>
    public Dictionary<string, string> Backups { get; set; } = [];

    public List<QueueOptions> Queues { get; set; } = [];

    public List<RuleOptions> Rules { get; set; } = [];

    public List<SlaOptions> Sla { get; set; } = [];

    /// <summary>The level after the marketing leads for breaches still open: people and how long after.</summary>
    public EscalationOptions Escalation { get; set; } = new();

    public sealed class EscalationOptions
    {
        /// <summary>Member ids told when a breach is still open <see cref="After"/> the leads were.</summary>
        public List<string> NextLevel { get; set; } = [];

        /// <summary>Working time after the first escalation.</summary>
        public TimeSpan After { get; set; } = TimeSpan.FromHours(4);
    }

    /// <summary>How alike (0–1, shared content words) a new item must be to an open one of the same kind and topic to be offered as a +1.</summary>
    public double DuplicateThreshold { get; set; } = Duplicates.Threshold;

    public sealed class QueueOptions
    {
        public string Name { get; set; } = "";

        public List<string> Members { get; set; } = [];

        public QueueStrategy Strategy { get; set; } = QueueStrategy.RoundRobin;
    }

    public sealed class RuleOptions
    {
        public string Name { get; set; } = "";

        public List<FeedbackKind> Kinds { get; set; } = [];

        public List<string> Topics { get; set; } = [];

        public List<string> Personas { get; set; } = [];

        public List<string> Stages { get; set; } = [];

        public List<FeedbackUrgency> Urgencies { get; set; } = [];

        public List<string> Keywords { get; set; } = [];

        public string? Owner { get; set; }

        public string? Queue { get; set; }
    }

    public sealed class SlaOptions
    {
        /// <summary>Empty: every kind.</summary>
        public FeedbackKind? Kind { get; set; }

        public FeedbackUrgency Urgency { get; set; }

        public TimeSpan Acknowledge { get; set; }

        public TimeSpan Resolve { get; set; }
    }

    public FeedbackSettings ToSettings()
    {
        var ignoreCase = StringComparer.OrdinalIgnoreCase;
        var queues = Queues.ToDictionary(q => q.Name, q => new RoutingQueue(q.Name, q.Members, q.Strategy), ignoreCase);
        var rules = Rules.Select(r => new RoutingRule(
            r.Name,
            r.Kinds.ToHashSet(),
            r.Topics.ToHashSet(ignoreCase),
            r.Personas.ToHashSet(ignoreCase),
            r.Stages.ToHashSet(ignoreCase),
            r.Urgencies.ToHashSet(),
            r.Keywords,
            string.IsNullOrWhiteSpace(r.Owner) ? null : r.Owner,
            string.IsNullOrWhiteSpace(r.Queue) ? null : queues[r.Queue].Name)).ToList();
        var sla = new SlaPolicy(Sla.ToDictionary(s => (s.Kind, s.Urgency), s => new SlaTarget(s.Acknowledge, s.Resolve)));
        return new FeedbackSettings(
            new FeedbackCatalog(Topics, Personas, Stages ?? [.. FeedbackCatalog.DefaultStages]),
            new FeedbackRouting(rules, queues, DefaultOwner ?? "", new Dictionary<string, string>(Backups, ignoreCase)),
            sla,
            DuplicateThreshold)
        {
            Escalation = new EscalationPolicy(Escalation.NextLevel, Escalation.After),
        };
    }
}
