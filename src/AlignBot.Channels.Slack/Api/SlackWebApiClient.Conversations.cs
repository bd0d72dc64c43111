using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

internal sealed partial class SlackWebApiClient
{
    /// <summary>Slack's largest page of <c>conversations.members</c>; it advises 200 at most, so that is the page asked for.</summary>
    private const int MembersPageSize = 200;

    /// <summary>
    /// <c>conversations.open</c> with one person: the id of the bot's direct message with them (the same one every time,
    /// so opening it again is harmless).
    /// </summary>
    public async Task<SlackResult<string>> OpenDirectMessageAsync(string teamId, string userId, CancellationToken cancellationToken) =>
        SlackResult<string>.From(
            await CallAsync(teamId, "conversations.open", new JsonObject { ["users"] = userId }, cancellationToken),
            body => body["channel"] is JsonObject channel && (string?)channel["id"] is { Length: > 0 } id ? id : null);

    /// <summary>
    /// <c>conversations.members</c>, every page (followed by <c>response_metadata.next_cursor</c> until it is empty):
    /// the user ids of the channel's members. A page that fails ends the list with that page's answer.
    /// </summary>
    public async Task<SlackResult<IReadOnlyList<string>>> ListMembersAsync(string teamId, string channel, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        var cursor = "";
        while (true)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["channel"] = channel, ["limit"] = MembersPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (cursor.Length > 0)
            {
                fields["cursor"] = cursor;
            }

            var page = await CallFormAsync(teamId, "conversations.members", fields, cancellationToken);
            if (page is not { Ok: true, Body: { } body })
            {
                return new SlackResult<IReadOnlyList<string>>(page, null);
            }

            if (body["members"] is JsonArray ids)
            {
                members.AddRange(ids.Select(id => (string?)id).OfType<string>());
            }

            cursor = (string?)body["response_metadata"]?["next_cursor"] ?? "";
            if (cursor.Length == 0)
            {
                return new SlackResult<IReadOnlyList<string>>(page, members);
            }
        }
    }
}
