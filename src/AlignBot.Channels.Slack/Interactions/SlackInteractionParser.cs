using System.Globalization;
using System.Text;
using System.Text.Json;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Slack.Interactions;

/// <summary>
/// Turns Slack's interactivity requests (form-encoded, the JSON in <c>payload</c>) and slash commands into
/// <see cref="ChatEvent"/>s.
/// <list type="bullet">
/// <item><c>block_actions</c>: the button's <c>action_id</c> is the card action's verb (a <c>|n</c> suffix, which keeps
/// repeated verbs unique in a message, is dropped) and its value the action's data as JSON → <see cref="CardActionSubmitted"/>
/// about the message (<c>ts</c>) or, pressed in a modal, with the modal's typed values; the <b>Open form</b> button →
/// <see cref="ParsedSlackInteraction.OpenForm"/>.</item>
/// <item><c>view_submission</c> of an AlignBot modal: its values by input id (the <c>block_id</c>) → the modal's
/// <see cref="CardActionSubmitted"/>, or <see cref="MessageActionSubmitted"/> for a message action's form.</item>
/// <item><c>message_action</c> (a message shortcut) → <see cref="MessageActionOpened"/> named by the shortcut's
/// <c>callback_id</c>, with the message's text; <c>shortcut</c> (global) → the same without a message.</item>
/// <item>A slash command's text → <see cref="MessageReceived"/> in the channel it was typed in.</item>
/// </list>
/// Every delivery id is the interaction's <c>trigger_id</c> (unique per interaction; a replayed request carries the
/// same one). <c>view_closed</c> and other types are ignored.
/// </summary>
internal static class SlackInteractionParser
{
    /// <summary>Reads an interactivity request body: <c>payload=</c> and the URL-encoded JSON.</summary>
    public static ParsedSlackInteraction Parse(ReadOnlySpan<byte> body) =>
        Form(body).TryGetValue("payload", out var payload) && payload.Length > 0
            ? ParsePayload(System.Text.Encoding.UTF8.GetBytes(payload))
            : new ParsedSlackInteraction.Invalid("The body has no payload.");

    /// <summary>Reads the interaction's JSON payload itself, as Socket Mode delivers it.</summary>
    public static ParsedSlackInteraction ParsePayload(ReadOnlySpan<byte> payload)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(payload);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return new ParsedSlackInteraction.Invalid("The payload is not JSON: " + ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ParsedSlackInteraction.Invalid("The payload is not a JSON object.");
            }

            var teamId = String(root, "team", "id") ?? String(root, "user", "team_id");
            var userId = String(root, "user", "id");
            if (teamId is null || userId is null)
            {
                return new ParsedSlackInteraction.Invalid("The payload has no team or user.");
            }

            // The payload's user.name is the person's handle, not their name: the name comes from users.info, and a
            // handle given here would replace it on every press.
            var user = new UserRef(Platform.Slack, userId);
            return String(root, "type") switch
            {
                "block_actions" => BlockActions(root, teamId, user),
                "view_submission" => ViewSubmission(root, teamId, user),
                "view_closed" => new ParsedSlackInteraction.Ignored("A modal was closed."),
                "message_action" => MessageAction(root, teamId, user),
                "shortcut" => GlobalShortcut(root, teamId, user),
                var other => new ParsedSlackInteraction.Ignored($"Interaction type '{other}' is not handled."),
            };
        }
    }

    /// <summary>Reads a slash command (<c>/alignbot help</c>) as the text typed after it, in the channel it was typed in.</summary>
    public static ParsedSlackInteraction ParseCommand(ReadOnlySpan<byte> body) => ParseCommand(Form(body));

    /// <summary>Reads a slash command from its fields, as Socket Mode delivers them (a JSON object of the form's fields).</summary>
    public static ParsedSlackInteraction ParseCommandPayload(ReadOnlySpan<byte> payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ParsedSlackInteraction.Invalid("The command is not a JSON object.");
            }

            foreach (var field in document.RootElement.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.String)
                {
                    fields[field.Name] = field.Value.GetString() ?? "";
                }
            }
        }
        catch (JsonException ex)
        {
            return new ParsedSlackInteraction.Invalid("The command is not JSON: " + ex.Message);
        }

        return ParseCommand(fields);
    }

    private static ParsedSlackInteraction ParseCommand(Dictionary<string, string> form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        if (Field("team_id") is not { } teamId || Field("channel_id") is not { } channel || Field("user_id") is not { } userId
            || Field("command") is null || Field("trigger_id") is not { } triggerId)
        {
            return new ParsedSlackInteraction.Invalid("The command has no team, channel, user, command or trigger_id.");
        }

        var conversation = new ConversationRef(Platform.Slack, teamId, channel, Kind(channel, Field("channel_name")), ServiceUrl: null);
        return new ParsedSlackInteraction.Event(
            new MessageReceived((Field("text") ?? "").Trim())
            {
                DeliveryId = "command:" + triggerId,
                Conversation = conversation,
                From = new UserRef(Platform.Slack, userId), // user_name is the handle; the name comes from users.info
            },
            triggerId,
            View: null);
    }

    private static ParsedSlackInteraction BlockActions(JsonElement root, string teamId, UserRef user)
    {
        if (!root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0
            || actions[0].ValueKind != JsonValueKind.Object || String(actions[0], "action_id") is not { } actionId)
        {
            return new ParsedSlackInteraction.Invalid("block_actions without an action.");
        }

        var action = actions[0];
        var triggerId = String(root, "trigger_id");
        var deliveryId = "action:" + (triggerId ?? String(action, "action_ts") ?? "");
        var verb = actionId.Split('|')[0];
        if (verb == "open-url")
        {
            return new ParsedSlackInteraction.Ignored("A link button: Slack opened the link.");
        }

        var data = Data(String(action, "value"));
        if (String(root, "container", "type") == "view" || String(root, "view", "type") == "modal")
        {
            if (!root.TryGetProperty("view", out var view) || ModalMetadata.TryParse(String(view, "private_metadata")) is not { } metadata || String(view, "id") is not { } viewId)
            {
                return new ParsedSlackInteraction.Ignored("A button in a modal AlignBot did not open.");
            }

            var inputs = Values(view);
            foreach (var (key, value) in data)
            {
                inputs[key] = value;
            }

            return new ParsedSlackInteraction.Event(
                new CardActionSubmitted(verb, new CardInputs(inputs), ExpectsCardResponse: false)
                {
                    DeliveryId = deliveryId,
                    Conversation = Conversation(metadata),
                    From = user,
                    ActivityId = metadata.MessageTs,
                },
                triggerId,
                new SlackView(viewId, String(view, "hash"), metadata));
        }

        var channel = String(root, "channel", "id") ?? String(root, "container", "channel_id");
        var messageTs = String(root, "container", "message_ts") ?? String(root, "message", "ts");
        if (channel is null || messageTs is null)
        {
            return new ParsedSlackInteraction.Invalid("block_actions without a channel or message.");
        }

        var conversation = new ConversationRef(Platform.Slack, teamId, channel, Kind(channel, String(root, "channel", "name")), ServiceUrl: null);
        if (verb == BlockKitRenderer.FormActionId)
        {
            return triggerId is not null && int.TryParse(String(action, "value"), NumberStyles.None, CultureInfo.InvariantCulture, out var form)
                ? new ParsedSlackInteraction.OpenForm(conversation, user, messageTs, form, triggerId)
                : new ParsedSlackInteraction.Invalid("An Open form button without a trigger_id or form number.");
        }

        return new ParsedSlackInteraction.Event(
            new CardActionSubmitted(verb, new CardInputs(data), ExpectsCardResponse: false)
            {
                DeliveryId = deliveryId,
                Conversation = conversation,
                From = user,
                ActivityId = messageTs,
            },
            triggerId,
            View: null);
    }

    private static ParsedSlackInteraction ViewSubmission(JsonElement root, string teamId, UserRef user)
    {
        if (!root.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object || String(view, "id") is not { } viewId)
        {
            return new ParsedSlackInteraction.Invalid("view_submission without a view.");
        }

        if (ModalMetadata.TryParse(String(view, "private_metadata")) is not { } metadata || metadata.TeamId != teamId)
        {
            return new ParsedSlackInteraction.Ignored("A modal AlignBot did not open.");
        }

        var inputs = Values(view);
        foreach (var (key, value) in metadata.Data ?? new Dictionary<string, string>())
        {
            inputs[key] = value;
        }

        var deliveryId = "view:" + (String(root, "trigger_id") ?? viewId + ":" + String(view, "hash"));
        ChatEvent chatEvent;
        if (metadata.CommandId is { } commandId)
        {
            chatEvent = new MessageActionSubmitted(commandId, new CardInputs(inputs)) { DeliveryId = deliveryId, Conversation = Conversation(metadata), From = user };
        }
        else if (metadata.Verb is { } verb)
        {
            chatEvent = new CardActionSubmitted(verb, new CardInputs(inputs), ExpectsCardResponse: false)
            {
                DeliveryId = deliveryId,
                Conversation = Conversation(metadata),
                From = user,
                ActivityId = metadata.MessageTs,
            };
        }
        else
        {
            return new ParsedSlackInteraction.Ignored("A modal without an action was submitted.");
        }

        return new ParsedSlackInteraction.Event(chatEvent, String(root, "trigger_id"), new SlackView(viewId, String(view, "hash"), metadata), IsSubmission: true);
    }

    private static ParsedSlackInteraction MessageAction(JsonElement root, string teamId, UserRef user)
    {
        if (String(root, "trigger_id") is not { } triggerId || String(root, "channel", "id") is not { } channel || String(root, "callback_id") is not { } commandId)
        {
            return new ParsedSlackInteraction.Invalid("message_action without a trigger_id, channel or callback_id.");
        }

        var text = String(root, "message", "text") ?? "";
        return new ParsedSlackInteraction.Event(
            new MessageActionOpened(commandId, PlainText(text), MessageLink: null)
            {
                DeliveryId = "shortcut:" + triggerId,
                Conversation = new ConversationRef(Platform.Slack, teamId, channel, Kind(channel, String(root, "channel", "name")), ServiceUrl: null),
                From = user,
                ActivityId = String(root, "message_ts"),
            },
            triggerId,
            View: null);
    }

    private static ParsedSlackInteraction GlobalShortcut(JsonElement root, string teamId, UserRef user)
    {
        if (String(root, "trigger_id") is not { } triggerId || String(root, "callback_id") is not { } commandId)
        {
            return new ParsedSlackInteraction.Invalid("shortcut without a trigger_id or callback_id.");
        }

        // A global shortcut comes from no conversation: the form is about the person alone, and nothing is kept of where.
        return new ParsedSlackInteraction.Event(
            new MessageActionOpened(commandId, "", MessageLink: null)
            {
                DeliveryId = "shortcut:" + triggerId,
                Conversation = new ConversationRef(Platform.Slack, teamId, user.UserId, ConversationKind.Channel, ServiceUrl: null),
                From = user,
            },
            triggerId,
            View: null);
    }

    /// <summary>A modal's typed values by input id (its <c>block_id</c>), as cards send them: strings, several choices comma-separated.</summary>
    private static Dictionary<string, string> Values(JsonElement view)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!view.TryGetProperty("state", out var state) || !state.TryGetProperty("values", out var blocks) || blocks.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        var toggles = Toggles(view);
        foreach (var block in blocks.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var element in block.Value.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object).Take(1))
            {
                var input = element.Value;
                var selected = input.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array
                    ? options.EnumerateArray().Select(o => String(o, "value")).OfType<string>().ToList()
                    : null;
                values[block.Name] = selected is not null
                    ? toggles.Contains(block.Name) ? (selected.Contains("true") ? "true" : "false") : string.Join(",", selected)
                    : String(input, "value") ?? String(input, "selected_option", "value") ?? String(input, "selected_date") ?? String(input, "selected_time") ?? "";
            }
        }

        return values;
    }

    /// <summary>The checkbox blocks that stand for an on/off input (one option, value "true"): they send "true" or "false".</summary>
    private static HashSet<string> Toggles(JsonElement view)
    {
        var toggles = new HashSet<string>(StringComparer.Ordinal);
        if (view.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in blocks.EnumerateArray())
            {
                if (block.ValueKind == JsonValueKind.Object && String(block, "element", "type") == "checkboxes" && String(block, "block_id") is { } id
                    && block.GetProperty("element").TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
                    && options.GetArrayLength() == 1 && String(options[0], "value") == "true")
                {
                    toggles.Add(id);
                }
            }
        }

        return toggles;
    }

    /// <summary>A button's value: the action's data as a JSON object of strings; anything else carries no data.</summary>
    private static Dictionary<string, string> Data(string? value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(value) || value[0] != '{')
        {
            return data;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                data[property.Name] = property.Value.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not AlignBot's data: the press carries none.
        }

        return data;
    }

    private static ConversationRef Conversation(ModalMetadata metadata) =>
        new(Platform.Slack, metadata.TeamId, metadata.Channel ?? "", metadata.Kind, ServiceUrl: null);

    private static ConversationKind Kind(string channel, string? channelName) =>
        channel.StartsWith('D') || channelName == "directmessage" ? ConversationKind.Personal
        : channel.StartsWith('G') && channelName?.StartsWith("mpdm-", StringComparison.Ordinal) == true ? ConversationKind.GroupChat
        : ConversationKind.Channel;

    /// <summary>Slack's message text as plain text: mentions and links reduced to their labels, entities decoded.</summary>
    private static string PlainText(string text)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(text, @"<([^>|]+)\|([^>]+)>", "$2", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        plain = System.Text.RegularExpressions.Regex.Replace(plain, @"<[@#!]?([^>]+)>", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return plain.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> body, field by field.</summary>
    private static Dictionary<string, string> Form(ReadOnlySpan<byte> body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(at < 0 ? pair : pair[..at]);
            form.TryAdd(name, at < 0 ? "" : Decode(pair[(at + 1)..]));
        }

        return form;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return "";
        }
    }

    private static string? String(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
