using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using TimeZoneConverter;

namespace AlignBot.Channels.Teams.Activities;

/// <summary>
/// Turns a Bot Framework Activity from Teams into a platform-neutral <see cref="ChatEvent"/>: message
/// (with the bot's @mention removed), card actions (Universal Actions invoke and Action.Submit), installs,
/// uninstalls, members joining or leaving, and message actions (a message extension's fetchTask and submitAction).
/// Everything else is answered politely and ignored.
/// </summary>
internal static partial class ActivityParser
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    public const string FetchTaskInvoke = "composeExtension/fetchTask";
    public const string SubmitActionInvoke = "composeExtension/submitAction";

    public static ParsedActivity Parse(ReadOnlySpan<byte> body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            return new ParsedActivity.Invalid($"The body is not a valid Activity JSON document: {ex.Message}");
        }

        return activity is null ? new ParsedActivity.Invalid("The body is empty or null.") : Parse(activity);
    }

    public static ParsedActivity Parse(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return new ParsedActivity.Invalid("The activity has no 'type'.");
        }

        var type = activity.Type.Trim();
        if (!IsHandledType(type, activity))
        {
            return new ParsedActivity.Ignored(activity, $"Activity type '{type}' needs no answer from AlignBot.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return new ParsedActivity.Invalid("The activity has no 'conversation.id'.");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return new ParsedActivity.Invalid("The activity has no valid 'serviceUrl'.");
        }

        return type.ToLowerInvariant() switch
        {
            "message" => ParseMessage(activity),
            "invoke" => activity.Name switch
            {
                FetchTaskInvoke => ParseFetchTask(activity),
                SubmitActionInvoke => ParseSubmitAction(activity),
                _ => ParseInvoke(activity),
            },
            "conversationupdate" => ParseConversationUpdate(activity),
            "installationupdate" => ParseInstallationUpdate(activity),
            _ => new ParsedActivity.Ignored(activity, $"Activity type '{type}' needs no answer from AlignBot."),
        };
    }

    private static bool IsHandledType(string type, Activity activity) =>
        type.ToLowerInvariant() switch
        {
            "message" or "conversationupdate" or "installationupdate" => true,
            "invoke" => activity.Name is AdaptiveCardActionInvoke or FetchTaskInvoke or SubmitActionInvoke,
            _ => false,
        };

    private static ParsedActivity ParseMessage(Activity activity)
    {
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            // Action.Submit: the card's inputs and the button's data arrive as the message value.
            var inputs = ReadInputs(value);
            if (!inputs.TryGetValue(CardVerbKey, out var verb) || string.IsNullOrWhiteSpace(verb))
            {
                return new ParsedActivity.Invalid("The card submission has no 'verb' in its value.");
            }

            inputs.Remove(CardVerbKey);
            return Event(activity, new CardActionSubmitted(verb, new CardInputs(inputs), ExpectsCardResponse: false)
            {
                DeliveryId = DeliveryId(activity),
                Conversation = Conversation(activity),
                ActivityId = activity.ReplyToId,
            });
        }

        return Event(activity, new MessageReceived(StripMentions(activity))
        {
            DeliveryId = DeliveryId(activity),
            Conversation = Conversation(activity),
            ActivityId = activity.Id,
        });
    }

    /// <summary>The key under which <c>Action.Submit</c> buttons carry their verb in <c>data</c>.</summary>
    public const string CardVerbKey = SubmitAction.VerbKey;

    private static ParsedActivity ParseInvoke(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object)
        {
            return new ParsedActivity.Invalid("The adaptiveCard/action invoke has no 'value.action'.");
        }

        var inputs = action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? ReadInputs(data)
            : [];

        // Action.Execute carries its verb in value.action.verb; a card that put it in data (as Action.Submit does) still works.
        // A press without any verb is passed on with an empty verb, and the router answers that the button is unknown.
        var verb = action.TryGetProperty("verb", out var verbElement) && verbElement.ValueKind == JsonValueKind.String ? verbElement.GetString() : null;
        if (string.IsNullOrWhiteSpace(verb) && inputs.Remove(CardVerbKey, out var dataVerb))
        {
            verb = dataVerb;
        }

        verb = verb?.Trim() ?? "";
        return Event(activity, new CardActionSubmitted(verb, new CardInputs(inputs), ExpectsCardResponse: true)
        {
            DeliveryId = DeliveryId(activity),
            Conversation = Conversation(activity),
            ActivityId = activity.ReplyToId,
        });
    }

    /// <summary>
    /// A message action opened (<c>composeExtension/fetchTask</c>): the command, and the message it was chosen on
    /// (<c>value.messagePayload</c>: its body as plain text, and its link). Opened from the compose box, there is no message.
    /// </summary>
    private static ParsedActivity ParseFetchTask(Activity activity)
    {
        if (CommandId(activity) is not { } commandId)
        {
            return new ParsedActivity.Invalid("The composeExtension/fetchTask invoke has no 'value.commandId'.");
        }

        var message = MessagePayload(activity);
        var text = message is { } m && m.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object ? MessageBodyText(body) : "";
        var link = message is { } withLink && withLink.TryGetProperty("linkToMessage", out var linkElement) && linkElement.ValueKind == JsonValueKind.String
            ? NullIfBlank(linkElement.GetString())
            : null;
        return Event(activity, new MessageActionOpened(commandId, text, link)
        {
            DeliveryId = DeliveryId(activity),
            Conversation = Conversation(activity),
            ActivityId = MessageId(message),
        });
    }

    /// <summary>A message action's dialog sent (<c>composeExtension/submitAction</c>): the command and the card's inputs (<c>value.data</c>).</summary>
    private static ParsedActivity ParseSubmitAction(Activity activity)
    {
        if (CommandId(activity) is not { } commandId)
        {
            return new ParsedActivity.Invalid("The composeExtension/submitAction invoke has no 'value.commandId'.");
        }

        var inputs = activity.Value is { } value && value.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? ReadInputs(data)
            : [];
        inputs.Remove(CardVerbKey); // the dialog's command says what this is; the button's verb adds nothing
        return Event(activity, new MessageActionSubmitted(commandId, new CardInputs(inputs))
        {
            DeliveryId = DeliveryId(activity),
            Conversation = Conversation(activity),
            ActivityId = MessageId(MessagePayload(activity)),
        });
    }

    private static string? CommandId(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("commandId", out var id) && id.ValueKind == JsonValueKind.String
            ? NullIfBlank(id.GetString())
            : null;

    private static JsonElement? MessagePayload(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("messagePayload", out var message) && message.ValueKind == JsonValueKind.Object
            ? message
            : null;

    private static string? MessageId(JsonElement? message) =>
        message is { } m && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? NullIfBlank(id.GetString()) : null;

    /// <summary>
    /// A message's body as plain text: Teams sends HTML (<c>contentType</c> "html") with paragraphs, line breaks,
    /// mentions and entities; the tags go, line breaks stay, entities are decoded, spaces are collapsed.
    /// </summary>
    public static string MessageBodyText(JsonElement body)
    {
        var content = body.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
        var isHtml = !(body.TryGetProperty("contentType", out var type) && type.ValueKind == JsonValueKind.String
            && string.Equals(type.GetString(), "text", StringComparison.OrdinalIgnoreCase));
        return isHtml ? HtmlToText(content) : NormalizeLines(content);
    }

    /// <summary>HTML to plain text: block ends and <c>&lt;br&gt;</c> become line breaks, other tags go, entities are decoded.</summary>
    public static string HtmlToText(string html)
    {
        var text = HtmlLineBreak().Replace(html, "\n");
        text = HtmlTag().Replace(text, "");
        return NormalizeLines(WebUtility.HtmlDecode(text));
    }

    private static string NormalizeLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(Words.Collapse);
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length > 0 || (kept.Count > 0 && kept[^1].Length > 0))
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept).Trim();
    }

    private static ParsedActivity ParseConversationUpdate(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        var added = activity.MembersAdded ?? [];
        var removed = activity.MembersRemoved ?? [];
        if (removed.Any(m => IsBot(m, botId)))
        {
            return Event(activity, new BotUninstalled { DeliveryId = DeliveryId(activity), Conversation = Conversation(activity), ActivityId = activity.Id });
        }

        if (added.Any(m => IsBot(m, botId)))
        {
            return Event(activity, new BotInstalled { DeliveryId = DeliveryId(activity), Conversation = Conversation(activity), ActivityId = activity.Id });
        }

        var people = added.Where(m => !string.IsNullOrEmpty(m.Id)).Select(m => User(m)).ToList();
        if (people.Count > 0)
        {
            return Event(activity, new MembersAdded(people) { DeliveryId = DeliveryId(activity), Conversation = Conversation(activity), ActivityId = activity.Id });
        }

        var gone = removed.Where(m => !string.IsNullOrEmpty(m.Id)).Select(m => User(m)).ToList();
        if (gone.Count > 0)
        {
            return Event(activity, new MembersRemoved(gone) { DeliveryId = DeliveryId(activity), Conversation = Conversation(activity), ActivityId = activity.Id });
        }

        return Event(activity, new ConversationUpdated(activity.ChannelData?.EventType ?? "conversationUpdate") { DeliveryId = DeliveryId(activity), Conversation = Conversation(activity), ActivityId = activity.Id });
    }

    private static ParsedActivity ParseInstallationUpdate(Activity activity) =>
        activity.Action?.ToLowerInvariant() switch
        {
            "remove" or "remove-upgrade" => Event(activity, new BotUninstalled { DeliveryId = DeliveryId(activity), Conversation = Conversation(activity), ActivityId = activity.Id }),
            // The welcome answers the conversationUpdate that comes with every install; this one refreshes the references.
            _ => Event(activity, new ConversationUpdated("installationUpdate:" + (activity.Action ?? "")) { DeliveryId = DeliveryId(activity), Conversation = Conversation(activity), ActivityId = activity.Id }),
        };

    private static ParsedActivity.Event Event(Activity activity, ChatEvent chatEvent) =>
        new(activity, chatEvent with
        {
            From = activity.From is { Id: { Length: > 0 } } from && !IsBot(from, activity.Recipient?.Id) ? User(from) : null,
            Locale = NullIfBlank(activity.Locale),
            TimeZone = TimeZone(activity),
        });

    /// <summary>The bot is the activity's recipient; Teams gives every bot account an id starting with "28:".</summary>
    private static bool IsBot(ChannelAccount member, string? botId) =>
        (botId is not null && string.Equals(member.Id, botId, StringComparison.OrdinalIgnoreCase))
        || (member.Id?.StartsWith("28:", StringComparison.Ordinal) ?? false);

    private static UserRef User(ChannelAccount account) =>
        new(Platform.Teams, account.Id!, NullIfBlank(account.AadObjectId), NullIfBlank(account.Name));

    /// <summary>
    /// A delivery id for de-duplication. Teams always sends an activity id; without one, each delivery is new.
    /// </summary>
    private static string DeliveryId(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.Id) ? "noid:" + Guid.NewGuid().ToString("N") : activity.Id;

    public static ConversationRef Conversation(Activity activity)
    {
        var conversation = activity.Conversation!;
        var kind = conversation.ConversationType?.ToLowerInvariant() switch
        {
            "channel" => ConversationKind.Channel,
            "groupchat" => ConversationKind.GroupChat,
            "personal" => ConversationKind.Personal,
            _ when activity.ChannelData?.Team is not null => ConversationKind.Channel,
            _ => conversation.IsGroup == true ? ConversationKind.GroupChat : ConversationKind.Personal,
        };
        var tenant = NullIfBlank(conversation.TenantId) ?? NullIfBlank(activity.ChannelData?.Tenant?.Id) ?? "";
        var name = kind == ConversationKind.Channel
            ? NullIfBlank(activity.ChannelData?.Channel?.Name) ?? NullIfBlank(conversation.Name)
            : NullIfBlank(conversation.Name);
        return new ConversationRef(Platform.Teams, tenant, conversation.Id!, kind, activity.ServiceUrl, NullIfBlank(activity.ChannelData?.Team?.Id), name);
    }

    /// <summary>The channel or chat itself, without the thread suffix a channel reply carries (<c>;messageid=</c>).</summary>
    public static string BaseConversationId(string conversationId)
    {
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }

    /// <summary>
    /// Removes the bot's own @mention (Teams delivers <c>&lt;at&gt;AlignBot&lt;/at&gt; help</c> in channels and
    /// group chats), decodes the HTML entities Teams leaves in text, and trims.
    /// </summary>
    public static string StripMentions(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in EntitiesOf(activity))
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || type.GetString() != "mention"
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("text", out var mentionText) || mentionText.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var mentionedId = mentioned.TryGetProperty("id", out var id) ? id.GetString() : null;
            if (botId is not null && string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(mentionText.GetString()!, " ", StringComparison.Ordinal);
            }
        }

        text = HtmlTag().Replace(text, " ");
        return Words.Collapse(WebUtility.HtmlDecode(text));
    }

    private static IEnumerable<JsonElement> EntitiesOf(Activity activity) =>
        activity.Entities is { ValueKind: JsonValueKind.Array } entities ? entities.EnumerateArray() : [];

    /// <summary>The sender's IANA time zone from the clientInfo entity or <c>localTimezone</c>; Windows names are converted.</summary>
    public static string? TimeZone(Activity activity)
    {
        foreach (var entity in EntitiesOf(activity))
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.GetString() == "clientInfo"
                && entity.TryGetProperty("timezone", out var zone) && zone.ValueKind == JsonValueKind.String
                && ToIana(zone.GetString()) is { } iana)
            {
                return iana;
            }
        }

        return ToIana(activity.LocalTimezone);
    }

    public static string? ToIana(string? zone)
    {
        if (string.IsNullOrWhiteSpace(zone))
        {
            return null;
        }

        zone = zone.Trim();
        if (TZConvert.TryWindowsToIana(zone, out var fromWindows))
        {
            return fromWindows;
        }

        if (TZConvert.KnownIanaTimeZoneNames.Contains(zone))
        {
            return zone;
        }

        // Old IANA aliases (Asia/Calcutta) are valid: keep them as their canonical names where known.
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) && info.HasIanaId ? zone : null;
    }

    private static Dictionary<string, string> ReadInputs(JsonElement data)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name == "msteams")
            {
                continue;
            }

            inputs[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "",
                _ => property.Value.GetRawText(),
            };
        }

        return inputs;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|h[1-6]|blockquote|pre|tr)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLineBreak();
}
