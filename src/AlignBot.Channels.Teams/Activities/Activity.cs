using System.Text.Json;

namespace AlignBot.Channels.Teams.Activities;

/// <summary>
/// The Bot Framework Activity as Teams sends it: only the fields AlignBot reads or writes
/// (see shared/reference/bot-connector/botframework-activity.schema.json).
/// </summary>
internal sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? Text { get; init; }

    public string? Summary { get; init; }

    public string? Locale { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>Invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    /// <summary>installationUpdate: <c>add</c>, <c>remove</c> (and the <c>-upgrade</c> variants).</summary>
    public string? Action { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>The entities array as sent (mentions, clientInfo): read as one JSON value, not one document per entity.</summary>
    public JsonElement? Entities { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public TeamsChannelData? ChannelData { get; init; }
}
