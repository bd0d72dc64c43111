using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// Modals and App Home (<c>views.*</c>). <c>views.open</c> and <c>views.push</c> need the <c>trigger_id</c> of the
/// interaction, which Slack honours for three seconds only: they are called inside the request, never from the outbox.
/// </summary>
internal sealed partial class SlackWebApiClient
{
    /// <summary><c>views.open</c>: opens <paramref name="view"/> as a modal for the person whose interaction gave <paramref name="triggerId"/>.</summary>
    public Task<SlackApiResponse> OpenViewAsync(string teamId, string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync(teamId, "views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    /// <summary><c>views.push</c>: puts <paramref name="view"/> on top of the open modal.</summary>
    public Task<SlackApiResponse> PushViewAsync(string teamId, string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync(teamId, "views.push", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    /// <summary>
    /// <c>views.update</c>: replaces the open modal <paramref name="viewId"/>; with <paramref name="hash"/> Slack refuses
    /// the update when the modal changed since (<c>hash_conflict</c>) rather than overwrite a newer one.
    /// </summary>
    public Task<SlackApiResponse> UpdateViewAsync(string teamId, string viewId, string? hash, JsonObject view, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["view_id"] = viewId, ["view"] = view };
        if (hash is not null)
        {
            body["hash"] = hash;
        }

        return CallAsync(teamId, "views.update", body, cancellationToken);
    }

    /// <summary><c>views.publish</c>: sets the App Home tab <paramref name="view"/> of <paramref name="user"/>.</summary>
    public Task<SlackApiResponse> PublishViewAsync(string teamId, string user, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync(teamId, "views.publish", new JsonObject { ["user_id"] = user, ["view"] = view }, cancellationToken);
}
