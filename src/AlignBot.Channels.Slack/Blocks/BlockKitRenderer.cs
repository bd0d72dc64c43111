using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlignBot.Core.Cards;

namespace AlignBot.Channels.Slack.Blocks;

/// <summary>
/// A first, minimal translation of the card model to Block Kit message blocks:
/// <see cref="TextBlock"/> and <see cref="RichTextBlock"/> → <c>section</c> with mrkdwn text;
/// <see cref="FactSet"/> → <c>section</c> fields (ten per section, Slack's limit);
/// <see cref="Image"/> → <c>image</c>; <see cref="Container"/> and <see cref="ColumnSet"/> → their items, one after another;
/// <see cref="ActionSet"/> and the card's actions → an <c>actions</c> block of buttons, where an
/// <see cref="ExecuteAction"/> has its verb as <c>action_id</c> and its data as JSON in <c>value</c>, a
/// <see cref="SubmitAction"/> its <c>verb</c> data, and an <see cref="OpenUrlAction"/> is a link button.
/// Not rendered yet: inputs (Slack takes them in a modal, which is not built) and <see cref="ShowCardAction"/>;
/// a card that has any gets one context line saying to open it in the app. Action ids are unique per message
/// (Slack refuses duplicates): a repeated verb gets <c>|2</c>, <c>|3</c>... appended.
/// </summary>
internal static partial class BlockKitRenderer
{
    public const string NotRenderedNote = "Part of this card (a form) is not shown in Slack yet: open it in the app.";

    private const int MaxSectionText = 3000;
    private const int MaxFieldText = 2000;
    private const int MaxFieldsPerSection = 10;
    private const int MaxButtonText = 75;
    private const int MaxValue = 2000;
    private const int MaxElementsPerActions = 25;

    public static JsonArray Render(AdaptiveCard card)
    {
        var state = new RenderState();
        foreach (var element in card.Body)
        {
            Element(element, state);
        }

        if (card.Actions is { Count: > 0 } actions)
        {
            Actions(actions, state);
        }

        if (state.SkippedSomething)
        {
            state.Blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = NotRenderedNote }),
            });
        }

        return state.Blocks;
    }

    /// <summary>Slack mrkdwn from the card's Markdown subset: <c>**bold**</c> → <c>*bold*</c>, <c>[text](url)</c> → <c>&lt;url|text&gt;</c>, and &amp; &lt; &gt; escaped.</summary>
    internal static string Mrkdwn(string markdown)
    {
        var escaped = markdown.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        var linked = MarkdownLink().Replace(escaped, m => $"<{m.Groups[2].Value}|{m.Groups[1].Value}>");
        return Bold().Replace(linked, m => $"*{m.Groups[1].Value}*");
    }

    private static void Element(CardElement element, RenderState state)
    {
        if (element.IsVisible == false)
        {
            return;
        }

        switch (element)
        {
            case TextBlock text:
                var mrkdwn = Mrkdwn(text.Text);
                Section(text.Weight == TextWeight.Bolder && !mrkdwn.StartsWith('*') ? $"*{mrkdwn}*" : mrkdwn, state);
                break;
            case RichTextBlock rich:
                Section(string.Concat(rich.Inlines.Select(r => r.Weight == TextWeight.Bolder ? $"*{Mrkdwn(r.Text)}*" : r.Italic == true ? $"_{Mrkdwn(r.Text)}_" : Mrkdwn(r.Text))), state);
                break;
            case FactSet facts:
                foreach (var chunk in facts.Facts.Chunk(MaxFieldsPerSection))
                {
                    var fields = new JsonArray();
                    foreach (var fact in chunk)
                    {
                        fields.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate($"*{Mrkdwn(fact.Title)}*\n{Mrkdwn(fact.Value)}", MaxFieldText) });
                    }

                    state.Blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
                }

                break;
            case Image image:
                state.Blocks.Add(new JsonObject { ["type"] = "image", ["image_url"] = image.Url, ["alt_text"] = image.AltText ?? "image" });
                break;
            case Container container:
                foreach (var item in container.Items)
                {
                    Element(item, state);
                }

                break;
            case ColumnSet columns:
                foreach (var item in columns.Columns.SelectMany(c => c.Items))
                {
                    Element(item, state);
                }

                break;
            case ActionSet set:
                Actions(set.Actions, state);
                break;
            default:
                // Inputs: Slack takes them in a modal, which AlignBot does not open yet.
                state.SkippedSomething = true;
                break;
        }
    }

    private static void Section(string text, RenderState state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        state.Blocks.Add(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(text, MaxSectionText) },
        });
    }

    private static void Actions(IReadOnlyList<CardAction> actions, RenderState state)
    {
        var buttons = new List<JsonObject>();
        foreach (var action in actions)
        {
            var button = Button(action, state);
            if (button is null)
            {
                state.SkippedSomething = true;
                continue;
            }

            buttons.Add(button);
        }

        foreach (var chunk in buttons.Chunk(MaxElementsPerActions))
        {
            state.Blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) });
        }
    }

    private static JsonObject? Button(CardAction action, RenderState state)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(action.Title, MaxButtonText) },
        };
        switch (action)
        {
            case ExecuteAction execute:
                button["action_id"] = state.UniqueActionId(execute.Verb);
                if (execute.Data is { Count: > 0 } data)
                {
                    button["value"] = Truncate(JsonSerializer.Serialize(data), MaxValue);
                }

                break;
            case SubmitAction submit:
                var verb = submit.Data?.GetValueOrDefault(SubmitAction.VerbKey) ?? submit.Id ?? submit.Title;
                button["action_id"] = state.UniqueActionId(verb);
                if (submit.Data is { Count: > 0 } submitData)
                {
                    button["value"] = Truncate(JsonSerializer.Serialize(submitData), MaxValue);
                }

                break;
            case OpenUrlAction open:
                button["action_id"] = state.UniqueActionId("open-url");
                button["url"] = open.Url;
                break;
            default:
                return null;
        }

        if (action.Style == ActionStyle.Positive)
        {
            button["style"] = "primary";
        }
        else if (action.Style == ActionStyle.Destructive)
        {
            button["style"] = "danger";
        }

        return button;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)", RegexOptions.None, 1000)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.None, 1000)]
    private static partial Regex Bold();

    private sealed class RenderState
    {
        private readonly Dictionary<string, int> _actionIds = new(StringComparer.Ordinal);

        public JsonArray Blocks { get; } = [];

        public bool SkippedSomething { get; set; }

        public string UniqueActionId(string verb)
        {
            var seen = _actionIds.GetValueOrDefault(verb) + 1;
            _actionIds[verb] = seen;
            return seen == 1 ? verb : $"{verb}|{seen}";
        }
    }
}
