namespace AlignBot.Core.Availability;

/// <summary>The state of a person's automatic replies (out-of-office message) in their mailbox.</summary>
public enum AutomaticRepliesStatus
{
    Disabled = 0,

    /// <summary>On until the person turns them off.</summary>
    AlwaysEnabled = 1,

    /// <summary>On between a scheduled start and end.</summary>
    Scheduled = 2,
}
