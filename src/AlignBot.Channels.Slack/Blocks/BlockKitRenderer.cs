using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlignBot.Core.Cards;

namespace AlignBot.Channels.Slack.Blocks;

/// <summary>
/// The card model as Block Kit. The rule on Slack: a card without inputs is a message, a card with inputs is a modal.
/// <para>As a message (<see cref="Render"/>): <see cref="TextBlock"/> and <see cref="RichTextBlock"/> → <c>section</c>
/// with mrkdwn text; <see cref="FactSet"/> → <c>section</c> fields (ten per section, Slack's limit); <see cref="Image"/>
/// → <c>image</c>; <see cref="Container"/> and <see cref="ColumnSet"/> → their items, one after another;
/// <see cref="ActionSet"/> and the card's actions → an <c>actions</c> block of buttons, where an
/// <see cref="ExecuteAction"/> has its verb as <c>action_id</c> and its data as JSON in <c>value</c>, a
/// <see cref="SubmitAction"/> its <c>verb</c> data, and an <see cref="OpenUrlAction"/> is a link button. A card with
/// inputs shows its read-only part, an <b>Open form</b> button (<see cref="FormActionId"/>, value <c>0</c>) and the
/// buttons that need no input (<c>associatedInputs</c> none); an <see cref="ShowCardAction"/> is a button
/// (<see cref="FormActionId"/>, value its number, from 1) that opens its card as a modal.</para>
/// <para>As a modal (<see cref="RenderModal"/>): inputs become <c>input</c> blocks whose <c>block_id</c> is the input's
/// id; the first action that sends the inputs is the modal's submit button, the others are buttons in the modal.</para>
/// Action ids are unique per message (Slack refuses duplicates): a repeated verb gets <c>|2</c>, <c>|3</c>... appended.
/// </summary>
internal static partial class BlockKitRenderer
{
    public const string NotRenderedNote = "Part of this card is not shown in Slack: open it in the app.";

    /// <summary>The button that opens a card's form as a modal; its value says which form (0: the card's own inputs, n: its n-th sub-card).</summary>
    public const string FormActionId = "alignbot.form";

    /// <summary>The <c>action_id</c> of every input element: the <c>block_id</c> (the input's id) is what names the value.</summary>
    public const string InputActionId = "value";

    public const int MaxMessageBlocks = 50;
    public const int MaxModalBlocks = 100;
    public const int MaxModalTitle = 24;
    public const int MaxPrivateMetadata = 3000;

    private const int MaxSectionText = 3000;
    private const int MaxFieldText = 2000;
    private const int MaxFieldsPerSection = 10;
    private const int MaxButtonText = 75;
    private const int MaxValue = 2000;
    private const int MaxElementsPerActions = 25;
    private const int MaxLabel = 2000;
    private const int MaxPlaceholder = 150;
    private const int MaxOptionText = 75;
    private const int MaxOptionValue = 150;
    private const int MaxInputText = 3000;
    private const int MaxStaticOptions = 100;
    private const int MaxListedOptions = 10;

    public static JsonArray Render(AdaptiveCard card)
    {
        var state = new RenderState(Modal: false, HasForm: HasInputs(card));
        foreach (var element in card.Body)
        {
            Element(element, state);
        }

        var actions = new List<CardAction>();
        if (state.HasForm)
        {
            actions.Add(new ExecuteAction("Open form", FormActionId) { Style = ActionStyle.Positive, Data = new Dictionary<string, string> { [FormKey] = "0" } });
        }

        actions.AddRange(card.Actions ?? []);
        if (actions.Count > 0)
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

    /// <summary>
    /// The form behind a card as a modal view: <paramref name="form"/> 0 is the card itself, n its n-th
    /// <see cref="ShowCardAction"/>'s card. Null when the card has no such form.
    /// </summary>
    public static ModalForm? RenderModal(AdaptiveCard card, int form, string title, Func<FormSubmit?, string> privateMetadata)
    {
        var formCard = form == 0 ? card : ShowCards(card).ElementAtOrDefault(form - 1)?.Card;
        if (formCard is null)
        {
            return null;
        }

        var submitAction = SubmitOf(formCard);
        var submit = submitAction switch
        {
            ExecuteAction execute => new FormSubmit(execute.Title, execute.Verb, execute.Data),
            SubmitAction post => new FormSubmit(post.Title, post.Data?.GetValueOrDefault(SubmitAction.VerbKey) ?? post.Id ?? post.Title, post.Data),
            _ => null,
        };
        var state = new RenderState(Modal: true, HasForm: true) { Submit = submitAction };
        foreach (var element in formCard.Body)
        {
            Element(element, state);
        }

        if (formCard.Actions is { Count: > 0 } actions)
        {
            Actions(actions, state);
        }

        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = FormActionId,
            ["title"] = PlainText(Truncate(form == 0 ? title : ShowCards(card)[form - 1].Title, MaxModalTitle)),
            ["close"] = PlainText("Cancel"),
            ["blocks"] = state.Blocks,
            ["private_metadata"] = privateMetadata(submit),
        };
        if (submit is not null && state.HasInputBlock)
        {
            view["submit"] = PlainText(Truncate(submit.Title, MaxModalTitle));
        }

        return new ModalForm(view, submit);
    }

    /// <summary>A view that only shows a card (no form): what a modal turns into once its form is done with.</summary>
    public static JsonObject RenderReadOnlyModal(AdaptiveCard card, string title, string privateMetadata) =>
        new()
        {
            ["type"] = "modal",
            ["callback_id"] = FormActionId,
            ["title"] = PlainText(Truncate(title, MaxModalTitle)),
            ["close"] = PlainText("Close"),
            ["blocks"] = Render(card with { Actions = [.. (card.Actions ?? []).Where(a => a is OpenUrlAction)] }),
            ["private_metadata"] = privateMetadata,
        };

    /// <summary>True when the card's body (not its sub-cards) asks for input: on Slack it is a form, opened as a modal.</summary>
    public static bool HasInputs(AdaptiveCard card) => card.Body.Any(HasInputs);

    /// <summary>The action a modal's submit button stands for: the first one that sends the card's inputs.</summary>
    public static CardAction? SubmitOf(AdaptiveCard card) => AllActions(card).FirstOrDefault(NeedsInputs);

    /// <summary>The card's <see cref="ShowCardAction"/>s, in order: form n is the n-th.</summary>
    public static IReadOnlyList<ShowCardAction> ShowCards(AdaptiveCard card) => [.. AllActions(card).OfType<ShowCardAction>()];

    /// <summary>The key under which the form button's value names its form.</summary>
    public const string FormKey = "form";

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
            case CardInput input when state.Modal:
                Input(input, state);
                break;
            case CardInput:
                // A message shows the read-only part; the inputs are in the modal its Open form button opens.
                break;
            default:
                state.SkippedSomething = true;
                break;
        }
    }

    private static void Input(CardInput input, RenderState state)
    {
        JsonObject? element = input switch
        {
            InputText text => TextInput(text),
            InputChoiceSet { Choices.Count: > 0 } choices => ChoiceInput(choices),
            InputChoiceSet empty => TextInput(new InputText { Id = empty.Id, Value = empty.Value }),
            InputDate date => WithInitial(new JsonObject { ["type"] = "datepicker" }, "initial_date", date.Value),
            InputTime time => WithInitial(new JsonObject { ["type"] = "timepicker" }, "initial_time", time.Value),
            InputToggle toggle => Checkboxes([new Choice(toggle.Title, "true")], toggle.Value == "true" ? ["true"] : []),
            _ => null,
        };
        if (element is null || input.Id is null)
        {
            state.SkippedSomething = true;
            return;
        }

        element["action_id"] = InputActionId;
        state.HasInputBlock = true;
        state.Blocks.Add(new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = input.Id,
            ["label"] = PlainText(Truncate(input.Label ?? (input as InputText)?.Placeholder ?? input.Id, MaxLabel)),
            ["optional"] = input.IsRequired != true,
            ["element"] = element,
        });
    }

    private static JsonObject TextInput(InputText text)
    {
        var element = new JsonObject { ["type"] = "plain_text_input" };
        if (text.IsMultiline == true)
        {
            element["multiline"] = true;
        }

        var max = Math.Min(text.MaxLength ?? MaxInputText, MaxInputText);
        element["max_length"] = max;
        if (!string.IsNullOrEmpty(text.Value))
        {
            element["initial_value"] = text.Value.Length <= max ? text.Value : text.Value[..max];
        }

        if (!string.IsNullOrEmpty(text.Placeholder))
        {
            element["placeholder"] = PlainText(Truncate(text.Placeholder, MaxPlaceholder));
        }

        return element;
    }

    private static JsonObject ChoiceInput(InputChoiceSet choices)
    {
        var selected = (choices.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (choices.IsMultiSelect == true)
        {
            return choices.Choices.Count <= MaxListedOptions
                ? Checkboxes(choices.Choices, selected)
                : Select("multi_static_select", choices, selected, multi: true);
        }

        if (choices.Style == ChoiceSetStyle.Expanded && choices.Choices.Count <= MaxListedOptions)
        {
            var radio = new JsonObject { ["type"] = "radio_buttons", ["options"] = Options(choices.Choices) };
            if (choices.Choices.FirstOrDefault(c => selected.Contains(c.Value)) is { } initial)
            {
                radio["initial_option"] = Option(initial);
            }

            return radio;
        }

        return Select("static_select", choices, selected, multi: false);
    }

    private static JsonObject Select(string type, InputChoiceSet choices, string[] selected, bool multi)
    {
        var offered = choices.Choices.Take(MaxStaticOptions).ToList();
        var element = new JsonObject { ["type"] = type, ["options"] = Options(offered) };
        if (!string.IsNullOrEmpty(choices.Placeholder))
        {
            element["placeholder"] = PlainText(Truncate(choices.Placeholder, MaxPlaceholder));
        }

        var initial = offered.Where(c => selected.Contains(c.Value)).ToList();
        if (multi && initial.Count > 0)
        {
            element["initial_options"] = Options(initial);
        }
        else if (!multi && initial.Count > 0)
        {
            element["initial_option"] = Option(initial[0]);
        }

        return element;
    }

    private static JsonObject Checkboxes(IReadOnlyList<Choice> choices, IReadOnlyCollection<string> selected)
    {
        var element = new JsonObject { ["type"] = "checkboxes", ["options"] = Options(choices) };
        var initial = choices.Where(c => selected.Contains(c.Value)).ToList();
        if (initial.Count > 0)
        {
            element["initial_options"] = Options(initial);
        }

        return element;
    }

    private static JsonArray Options(IEnumerable<Choice> choices) => new([.. choices.Select(Option)]);

    private static JsonObject Option(Choice choice) =>
        new() { ["text"] = PlainText(Truncate(choice.Title, MaxOptionText)), ["value"] = Truncate(choice.Value, MaxOptionValue) };

    private static JsonObject WithInitial(JsonObject element, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            element[name] = value;
        }

        return element;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

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
            if (ReferenceEquals(action, state.Submit) || (!state.Modal && state.HasForm && NeedsInputs(action) && action is not ExecuteAction { Verb: FormActionId }))
            {
                continue; // the modal's submit button, or a button of the form, which is in the modal
            }

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

    private static bool NeedsInputs(CardAction action) =>
        action switch
        {
            ExecuteAction execute => execute.AssociatedInputs != "none",
            SubmitAction => true,
            _ => false,
        };

    private static JsonObject? Button(CardAction action, RenderState state)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(Truncate(action.Title, MaxButtonText)),
        };
        switch (action)
        {
            case ExecuteAction execute:
                button["action_id"] = state.UniqueActionId(execute.Verb);
                if (execute.Verb == FormActionId && execute.Data?.GetValueOrDefault(FormKey) is { } form)
                {
                    button["value"] = form;
                }
                else if (execute.Data is { Count: > 0 } data)
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
            case ShowCardAction show when !state.Modal:
                button["action_id"] = state.UniqueActionId(FormActionId);
                button["value"] = (++state.ShowCardsSeen).ToString(CultureInfo.InvariantCulture);
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

    private static bool HasInputs(CardElement element) =>
        element.IsVisible != false && element switch
        {
            CardInput => true,
            Container container => container.Items.Any(HasInputs),
            ColumnSet columns => columns.Columns.SelectMany(c => c.Items).Any(HasInputs),
            _ => false,
        };

    /// <summary>The card's buttons in the order they render: the body's action sets, then the card's actions.</summary>
    private static IEnumerable<CardAction> AllActions(AdaptiveCard card) => BodyActions(card.Body).Concat(card.Actions ?? []);

    private static IEnumerable<CardAction> BodyActions(IEnumerable<CardElement> elements)
    {
        foreach (var element in elements.Where(e => e.IsVisible != false))
        {
            var inner = element switch
            {
                ActionSet set => set.Actions,
                Container container => BodyActions(container.Items),
                ColumnSet columns => BodyActions(columns.Columns.SelectMany(c => c.Items)),
                _ => [],
            };
            foreach (var action in inner)
            {
                yield return action;
            }
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)", RegexOptions.None, 1000)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.None, 1000)]
    private static partial Regex Bold();

    private sealed record RenderState(bool Modal, bool HasForm)
    {
        private readonly Dictionary<string, int> _actionIds = new(StringComparer.Ordinal);

        public JsonArray Blocks { get; } = [];

        public bool SkippedSomething { get; set; }

        public bool HasInputBlock { get; set; }

        public int ShowCardsSeen { get; set; }

        /// <summary>In a modal, the action its submit button stands for (not rendered as a button too).</summary>
        public CardAction? Submit { get; init; }

        public string UniqueActionId(string verb)
        {
            var seen = _actionIds.GetValueOrDefault(verb) + 1;
            _actionIds[verb] = seen;
            return seen == 1 ? verb : $"{verb}|{seen}";
        }
    }
}

/// <summary>A card's form as a modal view, and the action its submit button stands for (null: the modal only shows).</summary>
internal sealed record ModalForm(JsonObject View, FormSubmit? Submit);

/// <summary>What a modal's submit button stands for: the card action's title, verb and data.</summary>
internal sealed record FormSubmit(string Title, string Verb, IReadOnlyDictionary<string, string>? Data);
