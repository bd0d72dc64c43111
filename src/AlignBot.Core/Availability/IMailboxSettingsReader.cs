namespace AlignBot.Core.Availability;

/// <summary>Reads a person's mailbox settings (time zone, automatic replies) by their directory object id.</summary>
public interface IMailboxSettingsReader
{
    /// <summary>Never throws for an HTTP failure: the outcome says what happened.</summary>
    Task<MailboxLookup> ReadAsync(string aadObjectId, CancellationToken cancellationToken);
}
