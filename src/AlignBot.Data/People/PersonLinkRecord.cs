using AlignBot.Core.Conversations;
using AlignBot.Core.People;

namespace AlignBot.Data.People;

/// <summary>
/// A platform identity (a Slack user) that is an organization member (named by AAD object id). Kept apart from the
/// person, so a link made before AlignBot meets the person applies on first sight, and an unlink is remembered.
/// </summary>
internal sealed class PersonLinkRecord
{
    public long Id { get; set; }

    public Platform Platform { get; set; }

    public string UserId { get; set; } = "";

    public string MemberId { get; set; } = "";

    public LinkSource Source { get; set; }

    /// <summary>The admin who linked (their AAD object id or platform id); null for configuration and email.</summary>
    public string? LinkedBy { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}
