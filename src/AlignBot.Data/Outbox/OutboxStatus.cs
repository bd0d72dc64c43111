namespace AlignBot.Data.Outbox;

internal enum OutboxStatus
{
    /// <summary>Waiting to be sent (again) at <see cref="OutboxRecord.NextAttemptAt"/>.</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher, which is calling the platform now.</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>The platform said the recipient or conversation is gone (403/404): never retried.</summary>
    RecipientGone = 3,

    /// <summary>Given up: a permanent error, or too many attempts.</summary>
    Failed = 4,

    /// <summary>
    /// A dispatcher claimed the row and stopped before it recorded the outcome (a crash mid-send). The platform
    /// may or may not have it; it is not sent again, because a duplicate is worse than a gap the log names.
    /// </summary>
    Indeterminate = 5,
}
