namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// The email Slack holds for a person (<c>users.info</c>'s <c>user.profile.email</c>; Slack verifies it, and it is only
/// there with the <c>users:read.email</c> scope), or why there is none to link by: bots and deleted users have none worth linking.
/// </summary>
internal sealed record SlackVerifiedEmail(string? Email, string? Problem)
{
    public static SlackVerifiedEmail Of(SlackUser user) =>
        user switch
        {
            { IsBot: true } or { Deleted: true } => new SlackVerifiedEmail(null, "not_a_person"),
            { Email: { } email } => new SlackVerifiedEmail(email.Trim(), null),
            _ => new SlackVerifiedEmail(null, "no_email"),
        };
}
