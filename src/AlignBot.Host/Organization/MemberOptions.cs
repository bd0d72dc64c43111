namespace AlignBot.Host.Organization;

/// <summary>
/// A person by AAD object id, with a display name for reports until AlignBot meets them. <see cref="Email"/> links them
/// to the person on Slack whose verified email is the same; <see cref="SlackUserId"/> links a Slack user outright.
/// </summary>
public sealed class MemberOptions
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? SlackUserId { get; set; }
}
