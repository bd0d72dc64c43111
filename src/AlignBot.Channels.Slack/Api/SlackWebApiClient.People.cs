using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

internal sealed partial class SlackWebApiClient
{
    /// <summary>
    /// <c>users.info</c> for the email Slack holds for a person (<c>user.profile.email</c>; Slack verifies it, and it is
    /// only there with the <c>users:read.email</c> scope). Bots and deleted users have none worth linking.
    /// </summary>
    public async Task<SlackVerifiedEmail> VerifiedEmailAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var response = await CallAsync(teamId, "users.info", new JsonObject { ["user"] = userId }, cancellationToken);
        if (!response.Ok || response.Body?["user"] is not JsonObject user)
        {
            return new SlackVerifiedEmail(null, response.Error ?? "no_user");
        }

        if (user["is_bot"]?.GetValueKind() == JsonValueKind.True || user["deleted"]?.GetValueKind() == JsonValueKind.True)
        {
            return new SlackVerifiedEmail(null, "not_a_person");
        }

        var email = user["profile"]?["email"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string?)value : null;
        return new SlackVerifiedEmail(string.IsNullOrWhiteSpace(email) ? null : email.Trim(), email is null ? "no_email" : null);
    }
}
