using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

internal sealed partial class SlackWebApiClient
{
    /// <summary><c>users.info</c> with the person's locale.</summary>
    public async Task<SlackResult<SlackUser>> UserInfoAsync(string teamId, string userId, CancellationToken cancellationToken) =>
        SlackResult<SlackUser>.From(
            await CallFormAsync(teamId, "users.info", new Dictionary<string, string>(StringComparer.Ordinal) { ["user"] = userId, ["include_locale"] = "true" }, cancellationToken),
            body => ReadUser(body["user"]));

    /// <summary><c>users.lookupByEmail</c>: the person with this email in the workspace (<c>users_not_found</c> when none).</summary>
    public async Task<SlackResult<SlackUser>> LookupByEmailAsync(string teamId, string email, CancellationToken cancellationToken) =>
        SlackResult<SlackUser>.From(
            await CallFormAsync(teamId, "users.lookupByEmail", new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = email }, cancellationToken),
            body => ReadUser(body["user"]));

    internal static SlackUser? ReadUser(JsonNode? node)
    {
        if (node is not JsonObject user || String(user, "id") is not { } id)
        {
            return null;
        }

        var profile = user["profile"] as JsonObject;
        var name = NonEmpty(profile is null ? null : String(profile, "display_name"))
            ?? NonEmpty(profile is null ? null : String(profile, "real_name"))
            ?? NonEmpty(String(user, "real_name"))
            ?? NonEmpty(String(user, "name"));
        return new SlackUser(
            id,
            String(user, "team_id"),
            name,
            NonEmpty(String(user, "tz")),
            user["tz_offset"]?.GetValueKind() == JsonValueKind.Number ? (int)user["tz_offset"]! : null, // the kind was checked just now
            NonEmpty(String(user, "locale")),
            NonEmpty(profile is null ? null : String(profile, "email")),
            user["is_bot"]?.GetValueKind() == JsonValueKind.True || id == "USLACKBOT",
            user["deleted"]?.GetValueKind() == JsonValueKind.True);
    }

    private static string? String(JsonObject json, string name) =>
        json[name]?.GetValueKind() == JsonValueKind.String ? (string?)json[name] : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
