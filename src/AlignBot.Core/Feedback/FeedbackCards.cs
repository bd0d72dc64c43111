using System.Globalization;
using AlignBot.Core.Availability;
using AlignBot.Core.Cards;

namespace AlignBot.Core.Feedback;

/// <summary>
/// The feedback feature's cards: the seller's feedback card (errors shown on it, what was typed kept), the seller's
/// receipt that follows the item to its answer and rating, the owner's card with its actions, and the lists.
/// Times are shown on the reader's own clock.
/// </summary>
public static class FeedbackCards
{
    /// <summary>
    /// The seller's feedback card. In a chat its button is an <c>Action.Execute</c> (the receipt replaces the card);
    /// <paramref name="inDialog"/> makes it an <c>Action.Submit</c>, as forms in a dialog (a message action's task
    /// module) are sent. With <paramref name="duplicateOf"/> it asks whether to add a +1 to that open item instead.
    /// </summary>
    public static AdaptiveCard Form(
        FeedbackCatalog catalog,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? errors = null,
        string? sourceLink = null,
        bool inDialog = false,
        FeedbackItem? duplicateOf = null)
    {
        string? Value(string id) => values is not null && values.TryGetValue(id, out var v) ? v : null;
        var body = new List<CardElement>
        {
            TextBlock.Heading("Field feedback for marketing"),
            TextBlock.Subtle("What did you hear, or what do you need? It goes straight to the marketer who owns it, on a clock."),
        };
        if (errors is { Count: > 0 })
        {
            body.Add(new Container([TextBlock.Error("Almost there — fix what's marked and send again. Everything you typed is still here."), .. errors.Values.Select(TextBlock.Error)]) { Style = ContainerStyle.Attention });
        }

        if (duplicateOf is { } open)
        {
            body.Add(new Container([
                new TextBlock($"This looks like #{open.Number}, already with {open.OwnerName}:") { Weight = TextWeight.Bolder },
                new TextBlock($"“{open.Description}”") { MaxLines = 3 },
                TextBlock.Subtle(Demand(open) ?? $"Filed by {open.SellerName}."),
                new TextBlock($"Add your +1 to #{open.Number} instead? You'll get the answer too, and your deal counts towards its priority."),
            ]) { Style = ContainerStyle.Warning });
        }

        body.Add(Choices(FeedbackForm.Kind, "Kind", Enum.GetValues<FeedbackKind>().Select(k => new Choice(FeedbackNames.Of(k), k.ToString())), Value(FeedbackForm.Kind), required: true, "Pick what kind of feedback this is.", "Pick a kind"));
        body.Add(catalog.Topics.Count > 0
            ? Choices(FeedbackForm.Topic, "Product or topic", catalog.Topics.Select(t => new Choice(t, t)), Value(FeedbackForm.Topic), required: true, "Pick the product or topic.", "Pick a product or topic")
            : new InputText { Id = FeedbackForm.Topic, Label = "Product or topic", Value = Value(FeedbackForm.Topic), IsRequired = true, ErrorMessage = "Name the product or topic.", MaxLength = FeedbackForm.MaxShortText });
        body.Add(new InputText
        {
            Id = FeedbackForm.Description,
            Label = "What happened, or what do you need?",
            Value = Value(FeedbackForm.Description),
            IsMultiline = true,
            MaxLength = FeedbackForm.MaxDescription,
            IsRequired = true,
            ErrorMessage = "Describe it in a sentence or two.",
        });
        body.Add(Choices(FeedbackForm.Urgency, "Urgency", Enum.GetValues<FeedbackUrgency>().Select(u => new Choice(FeedbackNames.Of(u), u.ToString())), Value(FeedbackForm.Urgency) ?? nameof(FeedbackUrgency.Normal), required: false, null));
        if (catalog.Personas.Count > 0)
        {
            body.Add(Choices(FeedbackForm.Persona, "Persona (optional)", catalog.Personas.Select(p => new Choice(p, p)), Value(FeedbackForm.Persona), required: false, null));
        }

        if (catalog.Stages.Count > 0)
        {
            body.Add(Choices(FeedbackForm.Stage, "Funnel stage (optional)", catalog.Stages.Select(s => new Choice(s, s)), Value(FeedbackForm.Stage), required: false, null));
        }

        body.Add(new InputText { Id = FeedbackForm.Asset, Label = "Asset: link or name (needed for asset feedback)", Value = Value(FeedbackForm.Asset), MaxLength = FeedbackForm.MaxShortText, Placeholder = "https://… or \"Pricing one-pager\"" });
        body.Add(Choices(FeedbackForm.AssetRating, "Asset rating (asset feedback)", FeedbackNames.AssetRatings.Select(r => new Choice(r, r)), Value(FeedbackForm.AssetRating), required: false, null));
        body.Add(Choices(FeedbackForm.LeadVerdict, "Lead verdict (lead quality)", FeedbackNames.LeadVerdicts.Select(r => new Choice(r, r)), Value(FeedbackForm.LeadVerdict), required: false, null));
        body.Add(new InputText { Id = FeedbackForm.Customer, Label = "Customer or deal (optional)", Value = Value(FeedbackForm.Customer), MaxLength = FeedbackForm.MaxShortText });
        body.Add(new InputText { Id = FeedbackForm.Amount, Label = "Deal amount (optional)", Value = Value(FeedbackForm.Amount), Placeholder = "25000", MaxLength = 30 });
        var data = new Dictionary<string, string>();
        if ((sourceLink ?? Value(FeedbackForm.SourceLink)) is { } link)
        {
            data[FeedbackForm.SourceLink] = link;
            body.Add(TextBlock.Subtle($"From the message: {link}"));
        }

        return new AdaptiveCard
        {
            FallbackText = "AlignBot: send field feedback to marketing.",
            Body = body,
            Actions = inDialog
                ? [new SubmitAction("Send to marketing") { Data = new Dictionary<string, string>(data) { [SubmitAction.VerbKey] = FeedbackActions.Submit }, Style = ActionStyle.Positive }]
                : duplicateOf is { } duplicate
                ?
                [
                    new ExecuteAction($"+1 to #{duplicate.Number}", FeedbackActions.PlusOne) { Data = With(data, FeedbackActions.Item, duplicate.Number.ToString(CultureInfo.InvariantCulture)), Style = ActionStyle.Positive },
                    new ExecuteAction("Send as new", FeedbackActions.Submit) { Data = With(data, FeedbackActions.SendAsNew, "true") },
                ]
                : [new ExecuteAction("Send to marketing", FeedbackActions.Submit) { Data = data, Style = ActionStyle.Positive }],
        };
    }

    /// <summary>"3 sellers asked · 75,000 in deals", once more than one seller asked.</summary>
    public static string? Demand(FeedbackItem item) =>
        item.PlusOnes == 0 ? null
            : $"{item.PlusOnes + 1} sellers asked" + (item.DealTotal is { } total ? $" · {total.ToString("N0", CultureInfo.InvariantCulture)} in deals" : "");

    /// <summary>The seller's card for an item: where it is, who has it, by when — and what the seller can do now.</summary>
    public static AdaptiveCard Receipt(FeedbackItem item, TimeZoneInfo zone, string? notice = null, FeedbackRequester? requester = null)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading($"#{item.Number} · {FeedbackNames.Of(item.Kind)} · {item.Topic}"),
            new TextBlock(FeedbackNames.Of(item.Status)) { Weight = TextWeight.Bolder, Color = item.Status == FeedbackStatus.Declined ? TextColor.Attention : item.Status == FeedbackStatus.Resolved ? TextColor.Good : null },
        };
        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = ContainerStyle.Emphasis });
        }

        var facts = new List<Fact> { new("Owner", item.OwnerName) };
        if (!item.IsClosed)
        {
            if (item.AcknowledgedAt is null)
            {
                facts.Add(new Fact("Acknowledged by", Time(item.AcknowledgeDueAt, zone)));
            }

            facts.Add(new Fact("Resolved by", item.Status == FeedbackStatus.WaitingOnSeller ? "paused until you answer" : Time(item.ResolveDueAt, zone)));
        }

        facts.Add(new Fact("Filed", Time(item.CreatedAt, zone) + (requester is null ? "" : $" by {item.SellerName}; your +1 {Time(requester.At, zone)}")));
        if (Demand(item) is { } demand)
        {
            facts.Add(new Fact("Demand", demand));
        }

        body.Add(new FactSet(facts));
        body.Add(new TextBlock(item.Description) { IsSubtle = true, MaxLines = 4 });
        var actions = new List<CardAction>();
        var data = ItemData(item);
        switch (item.Status)
        {
            case FeedbackStatus.WaitingOnSeller when requester is not null:
                body.Add(TextBlock.Subtle($"{item.OwnerName} asked {item.SellerName} a question; the clock waits for their answer."));
                break;
            case FeedbackStatus.WaitingOnSeller:
                body.Add(new Container([
                    new TextBlock($"{item.OwnerName} asks: {item.PendingQuestion}") { Weight = TextWeight.Bolder },
                    new InputText { Id = FeedbackActions.AnswerText, Label = "Your answer", IsMultiline = true, MaxLength = FeedbackActions.MaxText, IsRequired = true, ErrorMessage = "Type your answer." },
                ]) { Style = ContainerStyle.Warning });
                actions.Add(new ExecuteAction("Send answer", FeedbackActions.Answer) { Data = data, Style = ActionStyle.Positive });
                break;
            case FeedbackStatus.Resolved:
                body.Add(Resolution(item));
                var helpful = requester is null ? item.Helpful : requester.Helpful;
                if (helpful is null)
                {
                    body.Add(new InputText { Id = FeedbackActions.Comment, Label = "Anything to add? (optional)", IsMultiline = true, MaxLength = FeedbackActions.MaxText });
                    actions.Add(new ExecuteAction("Helpful", FeedbackActions.Rate) { Data = With(data, FeedbackActions.Helpful, "true"), Style = ActionStyle.Positive });
                    actions.Add(new ExecuteAction("Not helpful", FeedbackActions.Rate) { Data = With(data, FeedbackActions.Helpful, "false") });
                }
                else
                {
                    body.Add(TextBlock.Subtle(helpful.Value ? "You rated the answer helpful. Thanks!" : "You rated the answer not helpful. The owner sees your comment."));
                }

                break;
            case FeedbackStatus.Declined:
                body.Add(new Container([new TextBlock($"Declined by {item.OwnerName}: {item.DeclineReason}")]) { Style = ContainerStyle.Attention });
                break;
        }

        // Following the item: its history, whatever its state (`feedback 12` shows the same).
        actions.Add(new ExecuteAction("History", FeedbackActions.Show) { Data = data, AssociatedInputs = "none" });
        return new AdaptiveCard
        {
            FallbackText = $"Feedback #{item.Number}: {FeedbackNames.Of(item.Status)} ({item.OwnerName}).",
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>The owner's card: the item, its clock, and acknowledge / ask / resolve / decline / reassign.</summary>
    public static AdaptiveCard Owner(FeedbackItem item, TimeZoneInfo zone, IReadOnlyList<Choice> reassignTargets, string? notice = null, IReadOnlyDictionary<string, string>? typed = null)
    {
        string? Typed(string id) => typed is not null && typed.TryGetValue(id, out var v) ? v : null;
        var body = new List<CardElement>
        {
            TextBlock.Heading($"#{item.Number} · {FeedbackNames.Of(item.Kind)} · {item.Topic}"),
            new TextBlock($"{FeedbackNames.Of(item.Status)} · {FeedbackNames.Of(item.Urgency)} urgency") { Weight = TextWeight.Bolder },
        };
        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = notice.StartsWith('⚠') ? ContainerStyle.Attention : ContainerStyle.Emphasis });
        }

        body.Add(new FactSet(Facts(item, zone)));
        body.Add(new TextBlock(item.Description));
        if (item.Status == FeedbackStatus.WaitingOnSeller)
        {
            body.Add(TextBlock.Subtle($"You asked {item.SellerName}: {item.PendingQuestion} — the clock is paused until they answer."));
        }

        if (item.IsClosed)
        {
            body.Add(item.Status == FeedbackStatus.Resolved ? Resolution(item) : new TextBlock($"Declined: {item.DeclineReason}"));
            if (item.Helpful is { } helpful)
            {
                body.Add(TextBlock.Subtle($"{item.SellerName} rated it {(helpful ? "helpful" : "not helpful")}{(item.RatingComment is { } c ? $": {c}" : "")}"));
            }

            return new AdaptiveCard { FallbackText = $"Feedback #{item.Number}: {FeedbackNames.Of(item.Status)}.", Body = body };
        }

        var data = ItemData(item);
        var actions = new List<CardAction>();
        if (item.AcknowledgedAt is null)
        {
            actions.Add(new ExecuteAction("Acknowledge", FeedbackActions.Acknowledge) { Data = data, Style = ActionStyle.Positive, AssociatedInputs = "none" });
        }

        actions.Add(new ShowCardAction("Resolve", Sub(
            [
                new InputText { Id = FeedbackActions.Link, Label = "Link to the content (http or https)", Value = Typed(FeedbackActions.Link), MaxLength = 2000, Placeholder = "https://…" },
                new InputText { Id = FeedbackActions.Note, Label = "Note to the seller", Value = Typed(FeedbackActions.Note), IsMultiline = true, MaxLength = FeedbackActions.MaxText },
            ],
            new ExecuteAction("Resolve", FeedbackActions.Resolve) { Data = data, Style = ActionStyle.Positive })));
        actions.Add(new ShowCardAction("Ask", Sub(
            [new InputText { Id = FeedbackActions.Question, Label = $"Question for {item.SellerName}", Value = Typed(FeedbackActions.Question), IsMultiline = true, MaxLength = FeedbackActions.MaxText, IsRequired = true, ErrorMessage = "Type your question." }],
            new ExecuteAction("Send question", FeedbackActions.Ask) { Data = data })));
        actions.Add(new ShowCardAction("Reassign", Sub(
            [
                new InputChoiceSet(reassignTargets) { Id = FeedbackActions.ReassignTo, Label = "To", IsRequired = true, ErrorMessage = "Pick a person or queue.", Value = Typed(FeedbackActions.ReassignTo) },
                new InputText { Id = FeedbackActions.ReassignNote, Label = "Note (optional)", Value = Typed(FeedbackActions.ReassignNote), MaxLength = FeedbackActions.MaxText },
            ],
            new ExecuteAction("Reassign", FeedbackActions.Reassign) { Data = data })));
        actions.Add(new ShowCardAction("Decline", Sub(
            [new InputText { Id = FeedbackActions.Reason, Label = "Why? The seller sees this.", Value = Typed(FeedbackActions.Reason), IsMultiline = true, MaxLength = FeedbackActions.MaxText, IsRequired = true, ErrorMessage = "A reason is required." }],
            new ExecuteAction("Decline", FeedbackActions.Decline) { Data = data, Style = ActionStyle.Destructive })));
        return new AdaptiveCard
        {
            FallbackText = $"Feedback #{item.Number} for you: {FeedbackNames.Of(item.Kind)} on {item.Topic}.",
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>A deadline is near, or passed: to the owner (reminder) or to the marketing leads (escalation).</summary>
    public static AdaptiveCard Alert(FeedbackItem item, TimeZoneInfo zone, string headline) => new()
    {
        FallbackText = $"Feedback #{item.Number}: {headline}",
        Body =
        [
            TextBlock.Heading(headline),
            new TextBlock($"#{item.Number} · {FeedbackNames.Of(item.Kind)} · {item.Topic} · from {item.SellerName}") { Weight = TextWeight.Bolder },
            new FactSet(Facts(item, zone)),
            new TextBlock(item.Description) { IsSubtle = true, MaxLines = 3 },
        ],
    };

    /// <summary>A list of items (an owner's queue, a seller's requests), most urgent first.</summary>
    public static AdaptiveCard List(string title, string empty, IReadOnlyList<FeedbackItem> items, TimeZoneInfo zone, bool forOwner)
    {
        var body = new List<CardElement> { TextBlock.Heading(title) };
        if (items.Count == 0)
        {
            body.Add(new TextBlock(empty));
        }

        foreach (var item in items.Take(20))
        {
            var due = item.IsClosed ? FeedbackNames.Of(item.Status)
                : item.Status == FeedbackStatus.WaitingOnSeller ? "waiting on the seller"
                : item.AcknowledgedAt is null ? $"acknowledge by {Time(item.AcknowledgeDueAt, zone)}"
                : $"resolve by {Time(item.ResolveDueAt, zone)}";
            body.Add(new Container([
                new TextBlock($"#{item.Number} · {FeedbackNames.Of(item.Kind)} · {item.Topic}") { Weight = TextWeight.Bolder },
                TextBlock.Subtle(forOwner ? $"from {item.SellerName} · {due}" : $"{item.OwnerName} · {due}"),
                new TextBlock(item.Description) { MaxLines = 2 },
            ]));
        }

        if (items.Count > 20)
        {
            body.Add(TextBlock.Subtle($"…and {items.Count - 20} more."));
        }

        return new AdaptiveCard { FallbackText = title, Body = body };
    }

    /// <summary>An item with its history, for <c>feedback 12</c>.</summary>
    public static AdaptiveCard Detail(FeedbackItem item, IReadOnlyList<FeedbackEntry> history, TimeZoneInfo zone) => new()
    {
        FallbackText = $"Feedback #{item.Number}",
        Body =
        [
            TextBlock.Heading($"#{item.Number} · {FeedbackNames.Of(item.Kind)} · {item.Topic}"),
            new TextBlock(FeedbackNames.Of(item.Status)) { Weight = TextWeight.Bolder },
            new FactSet([new Fact("Seller", item.SellerName), .. Facts(item, zone)]),
            new TextBlock(item.Description),
            TextBlock.Subtle("History"),
            new FactSet([.. history.Select(h => new Fact(Time(h.At, zone), $"{h.ActorName}: {h.Action}{(h.Detail is { } d ? $" — {d}" : "")}"))]),
        ],
    };

    public static AdaptiveCard Rules(FeedbackRouting routing) => new()
    {
        FallbackText = "Routing rules",
        Body =
        [
            TextBlock.Heading("Routing rules"),
            TextBlock.Subtle("In order: the first rule that matches decides."),
            new FactSet([
                .. routing.Rules.Select((r, i) => new Fact($"{i + 1}. {r.Name}", $"{Conditions(r)} → {r.Target}")),
                new Fact("Otherwise", $"owner {routing.DefaultOwner}"),
            ]),
            .. routing.Queues.Values.Select(q => (CardElement)TextBlock.Subtle($"Queue {q.Name} ({q.Strategy}): {string.Join(", ", q.Members)}")),
        ],
    };

    public static AdaptiveCard RoutingTest(string text, RoutingMatch match, string ownerName) => new()
    {
        FallbackText = $"Routing test: {ownerName}",
        Body =
        [
            TextBlock.Heading("Routing test"),
            TextBlock.Subtle($"\"{text}\""),
            .. match.Explanation.Select(line => (CardElement)new TextBlock(line)),
            new TextBlock($"Would go to: {ownerName}") { Weight = TextWeight.Bolder },
        ],
    };

    private static string Conditions(RoutingRule rule)
    {
        var parts = new (string Name, IEnumerable<string> Values)[]
        {
            ("kind", rule.Kinds.Select(FeedbackNames.Of)),
            ("topic", rule.Topics),
            ("persona", rule.Personas),
            ("stage", rule.Stages),
            ("urgency", rule.Urgencies.Select(FeedbackNames.Of)),
            ("keywords", rule.Keywords),
        }
            .Select(p => (p.Name, Values: p.Values.ToList()))
            .Where(p => p.Values.Count > 0)
            .Select(p => $"{p.Name} {string.Join("/", p.Values)}")
            .ToList();
        return parts.Count == 0 ? "anything" : string.Join("; ", parts);
    }

    private static List<Fact> Facts(FeedbackItem item, TimeZoneInfo zone)
    {
        var open = !item.IsClosed && item.Status != FeedbackStatus.WaitingOnSeller;
        var optional = new (string Title, string? Value)[]
        {
            ("Persona", item.Persona),
            ("Stage", item.Stage),
            ("Asset", item.Asset is { } asset && item.AssetRating is { } rating ? $"{asset} ({rating})" : item.Asset),
            ("Lead", item.LeadVerdict),
            ("Customer", item.Customer),
            ("Amount", item.Amount?.ToString("N0", CultureInfo.InvariantCulture)),
            ("Message", item.SourceLink),
            ("Demand", Demand(item)),
            ("Acknowledge by", open && item.AcknowledgedAt is null ? Time(item.AcknowledgeDueAt, zone) : null),
            ("Resolve by", open ? Time(item.ResolveDueAt, zone) : null),
        };
        return [new("From", item.SellerName), new("Owner", item.OwnerName), .. optional.Where(f => f.Value is not null).Select(f => new Fact(f.Title, f.Value!))];
    }

    private static TextBlock Resolution(FeedbackItem item) =>
        new($"Answer from {item.OwnerName}: {string.Join(" — ", new[] { item.ResolutionNote, item.ResolutionLink }.OfType<string>().DefaultIfEmpty("resolved"))}") { Color = TextColor.Good };

    private static AdaptiveCard Sub(IReadOnlyList<CardElement> body, ExecuteAction action) => new() { Version = null, Body = body, Actions = [action] };

    private static Dictionary<string, string> ItemData(FeedbackItem item) =>
        new() { [FeedbackActions.Item] = item.Number.ToString(CultureInfo.InvariantCulture) };

    private static Dictionary<string, string> With(Dictionary<string, string> data, string key, string value) => new(data) { [key] = value };

    private static InputChoiceSet Choices(string id, string label, IEnumerable<Choice> choices, string? value, bool required, string? error, string? placeholder = null) =>
        new([.. choices]) { Id = id, Label = label, Value = value, IsRequired = required ? true : null, ErrorMessage = error, Style = ChoiceSetStyle.Compact, Placeholder = placeholder };

    /// <summary>An instant on the reader's clock, e.g. "Tue 1 Dec 14:00".</summary>
    public static string Time(DateTimeOffset utc, TimeZoneInfo zone) =>
        LocalClock.LocalDateTime(utc, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
}
