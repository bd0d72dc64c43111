using System.Text.Json;
using System.Text.RegularExpressions;
using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Slack.Events;

/// <summary>
/// Turns an Events API body into a <see cref="ChatEvent"/>. Handled so far: <c>url_verification</c>, a direct message
/// to the bot (<c>message</c> with <c>channel_type</c> im, from a person: no <c>bot_id</c>, no <c>subtype</c>) and an
/// @mention (<c>app_mention</c>, with the bot's mention taken out of the text). Both become a
/// <see cref="MessageReceived"/> whose delivery id is the <c>event_id</c> (Slack's retries carry the same one) and
/// whose activity id is the message's <c>ts</c>. <c>app_uninstalled</c>, and <c>tokens_revoked</c> naming bot tokens,
/// say the workspace's bot token is dead. The App Home's Home tab opening becomes a <see cref="HomeOpened"/>;
/// <c>member_joined_channel</c> becomes <see cref="BotInstalled"/> when the bot joined, else <see cref="MembersAdded"/>.
/// Every other event is ignored.
/// </summary>
internal static partial class SlackEventParser
{
    /// <summary>The event subscriptions (as the app manifest names them) this parser does something with.</summary>
    public static IReadOnlyList<string> Subscriptions { get; } = ["app_mention", "message.im", "app_home_opened", "member_joined_channel", "app_uninstalled", "tokens_revoked"];

    public static ParsedSlackEvent Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return new ParsedSlackEvent.Invalid("The body is not JSON: " + ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ParsedSlackEvent.Invalid("The body is not a JSON object.");
            }

            return String(root, "type") switch
            {
                "url_verification" => String(root, "challenge") is { } challenge
                    ? new ParsedSlackEvent.UrlVerification(challenge)
                    : new ParsedSlackEvent.Invalid("url_verification without a challenge."),
                "event_callback" => ParseCallback(root),
                var other => new ParsedSlackEvent.Ignored($"Envelope type '{other}' is not handled."),
            };
        }
    }

    private static ParsedSlackEvent ParseCallback(JsonElement root)
    {
        if (String(root, "event_id") is not { } eventId || !root.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object)
        {
            return new ParsedSlackEvent.Invalid("event_callback without event_id or event.");
        }

        var type = String(inner, "type");
        if (type is "app_uninstalled" or "tokens_revoked")
        {
            return ParseRevocation(root, inner, type);
        }

        if (type == "app_home_opened")
        {
            return ParseHomeOpened(root, inner, eventId);
        }

        if (type == "member_joined_channel")
        {
            return ParseMemberJoined(root, inner, eventId);
        }

        var isDirectMessage = type == "message" && String(inner, "channel_type") == "im"
            && !inner.TryGetProperty("bot_id", out _) && !inner.TryGetProperty("subtype", out _);
        if (!isDirectMessage && type != "app_mention")
        {
            return new ParsedSlackEvent.Ignored($"Event '{type}' is not handled.");
        }

        var teamId = String(root, "team_id") ?? String(inner, "team");
        var channel = String(inner, "channel");
        var user = String(inner, "user");
        if (teamId is null || channel is null || user is null)
        {
            return new ParsedSlackEvent.Invalid("The message has no team, channel or user.");
        }

        var text = String(inner, "text") ?? "";
        if (type == "app_mention")
        {
            text = StripMention(text, BotUserId(root));
        }

        var conversation = new ConversationRef(Platform.Slack, teamId, channel, Kind(String(inner, "channel_type"), channel), ServiceUrl: null);
        return new ParsedSlackEvent.Event(new MessageReceived(text.Trim())
        {
            DeliveryId = eventId,
            Conversation = conversation,
            From = new UserRef(Platform.Slack, user),
            ActivityId = String(inner, "ts"),
        });
    }

    /// <summary>
    /// Uninstalling revokes every token; <c>tokens_revoked</c> lists the user ids whose tokens went, under <c>oauth</c>
    /// (user tokens, which AlignBot never keeps) and <c>bot</c>: only the latter matters here.
    /// </summary>
    private static ParsedSlackEvent ParseRevocation(JsonElement root, JsonElement inner, string type)
    {
        if (String(root, "team_id") is not { } teamId)
        {
            return new ParsedSlackEvent.Invalid($"{type} without a team_id.");
        }

        if (type == "tokens_revoked"
            && !(inner.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Object
                 && tokens.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.Array && bot.GetArrayLength() > 0))
        {
            return new ParsedSlackEvent.Ignored("tokens_revoked for user tokens only.");
        }

        return new ParsedSlackEvent.TokensRevoked(teamId, type);
    }

    /// <summary>
    /// The App Home's Home tab opened: a <see cref="HomeOpened"/> from the person, in their 1:1 chat with the bot (the
    /// event's <c>channel</c>). The Messages and About tabs need nothing.
    /// </summary>
    private static ParsedSlackEvent ParseHomeOpened(JsonElement root, JsonElement inner, string eventId)
    {
        if (String(inner, "tab") != "home")
        {
            return new ParsedSlackEvent.Ignored($"app_home_opened on the '{String(inner, "tab")}' tab needs nothing.");
        }

        var teamId = String(root, "team_id") ?? String(inner, "team");
        var user = String(inner, "user");
        var channel = String(inner, "channel");
        if (teamId is null || user is null || channel is null)
        {
            return new ParsedSlackEvent.Invalid("app_home_opened has no team, user or channel.");
        }

        return new ParsedSlackEvent.Event(new HomeOpened
        {
            DeliveryId = eventId,
            Conversation = new ConversationRef(Platform.Slack, teamId, channel, ConversationKind.Personal, ServiceUrl: null),
            From = new UserRef(Platform.Slack, user),
        });
    }

    /// <summary>
    /// Someone joined a channel: the bot itself (added to the channel, as Teams' install) → <see cref="BotInstalled"/>, so
    /// the channel is kept as a conversation AlignBot is in; a person → <see cref="MembersAdded"/>.
    /// </summary>
    private static ParsedSlackEvent ParseMemberJoined(JsonElement root, JsonElement inner, string eventId)
    {
        var teamId = String(root, "team_id") ?? String(inner, "team");
        var user = String(inner, "user");
        var channel = String(inner, "channel");
        if (teamId is null || user is null || channel is null)
        {
            return new ParsedSlackEvent.Invalid("member_joined_channel has no team, user or channel.");
        }

        var kind = String(inner, "channel_type") == "G" ? ConversationKind.GroupChat : ConversationKind.Channel;
        var conversation = new ConversationRef(Platform.Slack, teamId, channel, kind, ServiceUrl: null);
        var inviter = String(inner, "inviter") is { } invitedBy ? new UserRef(Platform.Slack, invitedBy) : null;
        return user == BotUserId(root)
            ? new ParsedSlackEvent.Event(new BotInstalled { DeliveryId = eventId, Conversation = conversation, From = inviter })
            : new ParsedSlackEvent.Event(new MembersAdded([new UserRef(Platform.Slack, user)]) { DeliveryId = eventId, Conversation = conversation });
    }

    /// <summary>The bot's own user id: the bot authorization, else the first authed user (older payloads).</summary>
    private static string? BotUserId(JsonElement root)
    {
        if (root.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array)
        {
            foreach (var authorization in authorizations.EnumerateArray())
            {
                if (authorization.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True && String(authorization, "user_id") is { } id)
                {
                    return id;
                }
            }
        }

        if (root.TryGetProperty("authed_users", out var authed) && authed.ValueKind == JsonValueKind.Array && authed.GetArrayLength() > 0)
        {
            return authed[0].GetString();
        }

        return null;
    }

    /// <summary>Removes the bot's <c>&lt;@U123&gt;</c> (or <c>&lt;@U123|name&gt;</c>); with no known bot id, the leading mention.</summary>
    private static string StripMention(string text, string? botUserId) =>
        botUserId is null
            ? LeadingMention().Replace(text, "", 1)
            : Regex.Replace(text, "<@" + Regex.Escape(botUserId) + @"(\|[^>]*)?>", "", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static ConversationKind Kind(string? channelType, string channel) =>
        channelType switch
        {
            "im" => ConversationKind.Personal,
            "mpim" => ConversationKind.GroupChat,
            "channel" or "group" => ConversationKind.Channel,
            _ => channel.StartsWith('D') ? ConversationKind.Personal : ConversationKind.Channel,
        };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.None, 1000)]
    private static partial Regex LeadingMention();
}
