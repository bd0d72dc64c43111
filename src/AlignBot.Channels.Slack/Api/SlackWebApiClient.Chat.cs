using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

/// <summary>Changing what the bot posted (<c>chat.update</c>, <c>chat.delete</c>) and messages one person sees (<c>chat.postEphemeral</c>).</summary>
internal sealed partial class SlackWebApiClient
{
    /// <summary><c>chat.update</c>: replaces the text and blocks of the bot's message <paramref name="ts"/> in <paramref name="channel"/>.</summary>
    public Task<SlackApiResponse> UpdateMessageAsync(string teamId, string channel, string ts, string? text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        // An update without blocks must clear the old ones, or the old card would stay under the new text.
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text ?? "", ["blocks"] = blocks ?? [] };
        return CallAsync(teamId, "chat.update", body, cancellationToken);
    }

    /// <summary><c>chat.delete</c>: removes the bot's message <paramref name="ts"/>.</summary>
    public Task<SlackApiResponse> DeleteMessageAsync(string teamId, string channel, string ts, CancellationToken cancellationToken) =>
        CallAsync(teamId, "chat.delete", new JsonObject { ["channel"] = channel, ["ts"] = ts }, cancellationToken);

    /// <summary><c>chat.postEphemeral</c>: a message in <paramref name="channel"/> that only <paramref name="user"/> sees.</summary>
    public Task<SlackApiResponse> PostEphemeralAsync(string teamId, string channel, string user, string? text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text ?? "" };
        if (blocks is { Count: > 0 })
        {
            body["blocks"] = blocks;
        }

        return CallAsync(teamId, "chat.postEphemeral", body, cancellationToken);
    }

    /// <summary><c>chat.getPermalink</c>: a web link to the message <paramref name="ts"/>, or null when Slack gives none.</summary>
    public async Task<string?> PermalinkAsync(string teamId, string channel, string ts, CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync(teamId, "chat.getPermalink", new Dictionary<string, string>(StringComparer.Ordinal) { ["channel"] = channel, ["message_ts"] = ts }, cancellationToken);
        return answer.Ok && answer.Body?["permalink"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)answer.Body["permalink"] : null;
    }
}
