using System.Globalization;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Core.Routing;

namespace AlignBot.Core.Feedback;

/// <summary>
/// Seller feedback from the card to the owner and back: filing, routing, the owner's actions (acknowledge, ask,
/// resolve, decline, reassign), the seller's answer and rating, and the lists. Every change updates the owner's
/// and the seller's cards in place and is written to the item's history.
/// </summary>
public sealed class FeedbackHandlers(FeedbackSettings settings, IFeedbackStore store, IOrganization organization, TimeProvider clock)
{
    public static void Map(ChatRouter router) =>
        router
            .OnCommand<FeedbackHandlers>("feedback", "feedback [number]", "Sellers: send field feedback to marketing; with a number, see that item", (h, c, ct) => h.FeedbackCommandAsync(c, ct))
            .OnCommand<FeedbackHandlers>("my requests", "my requests", "Sellers: your feedback items and where each stands", (h, c, ct) => h.MyRequestsAsync(c, ct))
            .OnCommand<FeedbackHandlers>("my queue", "my queue", "Marketers: the items you own, most urgent first", (h, c, ct) => h.MyQueueAsync(c, ct))
            .OnCommand<FeedbackHandlers>("routing rules", "routing rules", "Admins and marketing leads: the routing rules in order", (h, c, ct) => h.RulesAsync(c, ct))
            .OnCommand<FeedbackHandlers>("routing test", "routing test kind=ContentGap topic=X <text>", "Admins and marketing leads: which rule would route this, and why", (h, c, ct) => h.RoutingTestAsync(c, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Open, (h, a, ct) => h.OpenAsync(a))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Submit, (h, a, ct) => h.SubmitAsync(a, ct))
            .OnMessageAction<FeedbackHandlers>(FeedbackActions.SendToAlignBot, (h, e, ct) => h.OpenFromMessageAsync(e), (h, e, ct) => h.SubmitFromMessageAsync(e, ct))
            // Slack's global shortcut "Send feedback to marketing" (no message behind it): the same form, empty.
            .OnMessageAction<FeedbackHandlers>(FeedbackActions.Open, (h, e, ct) => h.OpenFromMessageAsync(e), (h, e, ct) => h.SubmitFromMessageAsync(e, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Acknowledge, (h, a, ct) => h.OwnerActionAsync(a, FeedbackActions.Acknowledge, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Ask, (h, a, ct) => h.OwnerActionAsync(a, FeedbackActions.Ask, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Resolve, (h, a, ct) => h.OwnerActionAsync(a, FeedbackActions.Resolve, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Decline, (h, a, ct) => h.OwnerActionAsync(a, FeedbackActions.Decline, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Reassign, (h, a, ct) => h.OwnerActionAsync(a, FeedbackActions.Reassign, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Answer, (h, a, ct) => h.SellerActionAsync(a, FeedbackActions.Answer, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Rate, (h, a, ct) => h.SellerActionAsync(a, FeedbackActions.Rate, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.PlusOne, (h, a, ct) => h.PlusOneAsync(a, ct))
            .OnCardAction<FeedbackHandlers>(FeedbackActions.Show, (h, a, ct) => h.ShowAsync(a, ct));

    public async Task<Ack> FeedbackCommandAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var text = command.Arguments.Trim().TrimStart('#');
        if (text.Length == 0)
        {
            return Ack.Reply(command.Message, MessageContent.FromCard(FeedbackCards.Form(settings.Catalog), "Send feedback to marketing"));
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Text(command.Message, $"'{command.Arguments.Trim()}' is not an item number. Try `feedback 12`, or `feedback` to send new feedback.");
        }

        var item = await store.FindAsync(number, cancellationToken);
        var desk = await FeedbackDesk.LoadAsync(organization, cancellationToken);
        if (item is null || command.Message.From is not { } user || !MaySee(item, user, desk))
        {
            return Text(command.Message, $"There is no item #{number} that you can see. Items are visible to their seller, their owner, marketing leads and admins.");
        }

        var history = await store.HistoryAsync(number, cancellationToken);
        return Ack.Reply(command.Message, MessageContent.FromCard(FeedbackCards.Detail(item, history, Zone(command.Message)), $"Feedback #{number}"));
    }

    /// <summary>"History" on a receipt: the item with its history, as a new message (the receipt stays as it is).</summary>
    public async Task<Ack> ShowAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var (item, desk, refusal) = await LoadAsync(action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var viewer = FeedbackDesk.MemberId(action.From!);
        if (!MaySee(item!, action.From!, desk!)
            && !(await store.RequestersAsync(item!.Number, cancellationToken)).Any(r => string.Equals(r.RequesterId, viewer, StringComparison.OrdinalIgnoreCase)))
        {
            return Ack.WithMessage($"Item #{item!.Number} is visible to its seller, its owner, marketing leads and admins.");
        }

        var history = await store.HistoryAsync(item!.Number, cancellationToken);
        return Ack.WithMessage(
            $"#{item.Number} and its history are below.",
            OutboundMessage.Send(action.Conversation, MessageContent.FromCard(FeedbackCards.Detail(item, history, Zone(action)), $"Feedback #{item.Number}")));
    }

    public async Task<Ack> MyRequestsAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var items = command.Message.From is { } user ? await store.OfSellerAsync(FeedbackDesk.MemberId(user), 20, cancellationToken) : [];
        return Ack.Reply(command.Message, MessageContent.FromCard(
            FeedbackCards.List("Your requests", "You haven't sent any feedback yet. Type `feedback` to send some.", items, Zone(command.Message), forOwner: false), "Your requests"));
    }

    public async Task<Ack> MyQueueAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var items = command.Message.From is { } user ? await store.OpenAsync(FeedbackDesk.MemberId(user), cancellationToken) : [];
        var ordered = items.OrderBy(i => i.Status == FeedbackStatus.WaitingOnSeller ? 1 : 0).ThenBy(i => i.AcknowledgedAt is null ? i.AcknowledgeDueAt : i.ResolveDueAt).ToList();
        return Ack.Reply(command.Message, MessageContent.FromCard(
            FeedbackCards.List("Your queue", "Nothing is waiting for you. 🎉", ordered, Zone(command.Message), forOwner: true), "Your queue"));
    }

    public async Task<Ack> RulesAsync(CommandContext command, CancellationToken cancellationToken)
    {
        if (await RefuseRoutingAsync(command.Message, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Ack.Reply(command.Message, MessageContent.FromCard(FeedbackCards.Rules(settings.Routing), "Routing rules"));
    }

    public async Task<Ack> RoutingTestAsync(CommandContext command, CancellationToken cancellationToken)
    {
        if (await RefuseRoutingAsync(command.Message, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!TryReadTestDraft(command.Arguments, out var draft, out var problem))
        {
            return Text(command.Message, problem);
        }

        var desk = await FeedbackDesk.LoadAsync(organization, cancellationToken);
        var match = settings.Routing.Match(draft, explain: true);
        var owner = match.Queue is { } queue ? $"queue {queue}"
            : match.Owner is { Length: > 0 } id ? desk.NameOf(id)
            : "the first marketing lead (no default owner is configured)";
        return Ack.Reply(command.Message, MessageContent.FromCard(FeedbackCards.RoutingTest(command.Arguments.Trim(), match, owner), "Routing test"));
    }

    public Task<Ack> OpenAsync(CardActionSubmitted action) =>
        Task.FromResult(Ack.WithMessage(
            "Here's the feedback card.",
            OutboundMessage.Send(action.Conversation, MessageContent.FromCard(FeedbackCards.Form(settings.Catalog, sourceLink: action.Inputs.Text(FeedbackForm.SourceLink)), "Send feedback to marketing"))));

    public async Task<Ack> SubmitAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var filing = await FileAsync(action, action.Inputs, receiptReplacesCard: true, cancellationToken);
        return filing switch
        {
            { Receipt: { } receipt } => Ack.WithCard(receipt, [.. filing.Outbound]),
            { Refusal: { } refusal } => Ack.WithMessage(refusal),
            { DuplicateOf: { } duplicate } => Ack.WithCard(FeedbackCards.Form(settings.Catalog, filing.Form.Values, duplicateOf: duplicate)),
            _ => Ack.WithCard(FeedbackCards.Form(settings.Catalog, filing.Form.Values, filing.Errors)) with { InputErrors = filing.Errors },
        };
    }

    /// <summary>"Send to AlignBot" on a chat message: the feedback card in a dialog, with the message's text and link.</summary>
    public Task<Ack> OpenFromMessageAsync(MessageActionOpened opened)
    {
        var values = new Dictionary<string, string>();
        if (Shorten(opened.MessageText.Trim(), FeedbackForm.MaxDescription) is { Length: > 0 } text)
        {
            values[FeedbackForm.Description] = text;
        }

        var link = opened.MessageLink is { } l && FeedbackForm.IsWebLink(l) ? l : null;
        return Task.FromResult(Ack.Dialog(FeedbackActions.SendToAlignBotTitle, FeedbackCards.Form(settings.Catalog, values, sourceLink: link, inDialog: true)));
    }

    /// <summary>
    /// The dialog's card sent: filed as the feedback card files it. Bad input shows the form again in the dialog with
    /// what was typed; once filed the dialog closes and the receipt arrives in the seller's 1:1 chat.
    /// </summary>
    public async Task<Ack> SubmitFromMessageAsync(MessageActionSubmitted submitted, CancellationToken cancellationToken)
    {
        var filing = await FileAsync(submitted, submitted.Inputs, receiptReplacesCard: false, cancellationToken);
        return filing switch
        {
            { Receipt: not null } => Ack.Send([.. filing.Outbound]),
            { Refusal: { } refusal } => Ack.WithMessage(refusal),
            _ => Ack.Dialog(FeedbackActions.SendToAlignBotTitle, FeedbackCards.Form(settings.Catalog, filing.Form.Values, filing.Errors, inDialog: true)) with { InputErrors = filing.Errors },
        };
    }

    /// <summary>
    /// Files the seller's feedback card: checks it, numbers the item, routes it to its owner (their card is in the
    /// outbound messages) and writes its history. The seller's receipt replaces the card they pressed when
    /// <paramref name="receiptReplacesCard"/> and they filed in the chat the receipt belongs in; otherwise it is sent
    /// to their 1:1 chat, where later updates reach them.
    /// </summary>
    private async Task<Filing> FileAsync(ChatEvent origin, CardInputs inputs, bool receiptReplacesCard, CancellationToken cancellationToken)
    {
        var form = FeedbackForm.Read(inputs, settings.Catalog);
        if (form.Draft is not { } draft)
        {
            return new Filing(form, form.Errors);
        }

        if (origin.From is not { } seller)
        {
            return new Filing(form, form.Errors) { Refusal = "I can't tell who you are, so I can't file this." };
        }

        // In a chat, a similar open item is offered as a +1 first (the card can ask); a dialog files as sent.
        if (receiptReplacesCard && inputs.Text(FeedbackActions.SendAsNew) is null
            && Duplicates.Find(draft, await store.OpenLikeAsync(draft.Kind, draft.Topic, cancellationToken), settings.DuplicateThreshold) is { } duplicate)
        {
            return new Filing(form, form.Errors) { DuplicateOf = duplicate.Item };
        }

        var now = clock.GetUtcNow();
        var desk = await FeedbackDesk.LoadAsync(organization, cancellationToken);
        var number = await store.NextNumberAsync(cancellationToken);
        var personal = origin.Conversation.Kind == ConversationKind.Personal ? origin.Conversation : desk.Person(seller)?.Personal;
        var sellerChat = personal ?? origin.Conversation;
        var replacesCard = receiptReplacesCard && sellerChat == origin.Conversation;
        var item = FeedbackItem.File(number, draft, seller, FeedbackDesk.MemberId(seller), sellerChat, origin.TimeZone ?? desk.Person(seller)?.Availability.TimeZone, now);
        if (replacesCard)
        {
            item.AttachSellerCard(origin.ActivityId);
        }

        var match = settings.Routing.Match(draft);
        if (await desk.AssignAsync(settings.Routing, match.Owner, match.Queue, store, now, cancellationToken) is not { } assignment)
        {
            return new Filing(form, new Dictionary<string, string>
            {
                ["_"] = "Nobody in marketing owns feedback yet: an admin sets AlignBot:Feedback:DefaultOwner, or sets up a marketing team with a lead (`setup` in its channel). Your text is kept here.",
            });
        }

        var outbound = Assign(item, desk, assignment, match.Rule?.Name, now);
        store.Add(item);
        store.Record(new FeedbackEntry(number, now, item.SellerId, item.SellerName, "filed", $"{FeedbackNames.Of(item.Kind)} · {item.Topic}"));
        store.Record(new FeedbackEntry(number, now, "alignbot", "AlignBot", $"routed to {item.OwnerName}", match.Rule is { } rule ? $"rule {rule.Name}" : "default owner"));

        var notice = $"Sent to {item.OwnerName} as #{number}." + (assignment.Note is { } note ? " " + note : "");
        var receipt = FeedbackCards.Receipt(item, SellerZone(item), notice);
        if (!replacesCard)
        {
            // Filed from a channel, a group chat or a dialog: the receipt lives in the seller's 1:1 chat, where later
            // updates reach them (opened through the tenant when AlignBot doesn't know that chat yet).
            var content = MessageContent.FromCard(receipt, $"Feedback #{number}");
            outbound.Add(personal is not null
                ? OutboundMessage.Send(personal, content, item.SellerCardKey)
                : OutboundMessage.SendToUser(origin.Conversation, seller, content, item.SellerCardKey));
        }

        return new Filing(form, form.Errors) { Receipt = receipt, Outbound = outbound };
    }

    /// <summary>What filing the feedback card came to: filed (the receipt), refused, or the form's errors to show.</summary>
    private sealed record Filing(FeedbackForm Form, IReadOnlyDictionary<string, string> Errors)
    {
        public AdaptiveCard? Receipt { get; init; }

        public string? Refusal { get; init; }

        /// <summary>An open item that says the same: the seller is asked whether to add a +1 to it instead.</summary>
        public FeedbackItem? DuplicateOf { get; init; }

        public IReadOnlyList<OutboundMessage> Outbound { get; init; } = [];
    }

    /// <summary>At most <paramref name="max"/> characters, never cutting a character that takes two UTF-16 units in half.</summary>
    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    public async Task<Ack> OwnerActionAsync(CardActionSubmitted action, string verb, CancellationToken cancellationToken)
    {
        var (item, desk, refusal) = await LoadAsync(action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var actor = action.From!;
        var zone = desk!.ZoneOf(desk.Person(item!.OwnerId));
        var targets = desk.ReassignTargets(settings.Routing);
        if (item.IsClosed)
        {
            return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, $"#{item.Number} is already {FeedbackNames.Of(item.Status).ToLowerInvariant()}; nothing changed."));
        }

        var actorId = FeedbackDesk.MemberId(actor);
        var isOwner = string.Equals(actorId, item.OwnerId, StringComparison.OrdinalIgnoreCase);
        if (!isOwner && !desk.IsMarketingLead(actor) && !organization.IsAdmin(actor))
        {
            var notAllowed = $"Only {item.OwnerName} (the owner), a marketing lead or an admin can act on #{item.Number}. Nothing changed.";
            return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, "⚠ " + notAllowed)) with { Refusal = notAllowed };
        }

        var now = clock.GetUtcNow();
        var actorName = actor.DisplayName ?? desk.NameOf(actorId);
        var typed = action.Inputs.ToDictionary(p => p.Key, p => p.Value);
        var outbound = new List<OutboundMessage>();
        string ownerNotice;
        string? sellerNotice;
        switch (verb)
        {
            case FeedbackActions.Acknowledge:
                item.Acknowledge(now);
                Record(item, now, actorId, actorName, "acknowledged", null);
                ownerNotice = "Acknowledged. The seller can see it.";
                sellerNotice = $"{item.OwnerName} acknowledged it.";
                break;
            case FeedbackActions.Ask:
                var question = action.Inputs.Text(FeedbackActions.Question);
                if (Check(question, "Type your question for the seller.") is { } askError)
                {
                    return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, "⚠ " + askError, typed)) with { InputErrors = Field(FeedbackActions.Question, askError) };
                }

                item.Ask(question!, now);
                Record(item, now, actorId, actorName, "asked the seller", question);
                ownerNotice = $"Question sent to {item.SellerName}. The clock is paused until they answer.";
                sellerNotice = $"{item.OwnerName} has a question for you.";
                break;
            case FeedbackActions.Resolve:
                var link = action.Inputs.Text(FeedbackActions.Link);
                var note = action.Inputs.Text(FeedbackActions.Note);
                string? resolveError = link is not null && !FeedbackForm.IsWebLink(link) ? "Only http and https links are accepted. Paste the content's web link."
                    : link is null && note is null ? "Give the seller a link to the content or a note, so they get an answer."
                    : note is { Length: > FeedbackActions.MaxText } ? $"The note is over {FeedbackActions.MaxText:N0} characters."
                    : null;
                if (resolveError is not null)
                {
                    return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, "⚠ " + resolveError, typed)) with { InputErrors = Field(link is not null ? FeedbackActions.Link : FeedbackActions.Note, resolveError) };
                }

                item.Resolve(link, note, now);
                Record(item, now, actorId, actorName, "resolved", string.Join(" — ", new[] { note, link }.OfType<string>()));
                ownerNotice = $"Resolved. {item.SellerName} has the answer and can rate it.";
                sellerNotice = $"{item.OwnerName} answered. Was it helpful?";
                break;
            case FeedbackActions.Decline:
                var reason = action.Inputs.Text(FeedbackActions.Reason);
                if (Check(reason, "A reason is required to decline: the seller sees it.") is { } declineError)
                {
                    return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, "⚠ " + declineError, typed)) with { InputErrors = Field(FeedbackActions.Reason, declineError) };
                }

                item.Decline(reason!, now);
                Record(item, now, actorId, actorName, "declined", reason);
                ownerNotice = $"Declined. {item.SellerName} has your reason.";
                sellerNotice = null;
                break;
            case FeedbackActions.Reassign:
                var to = action.Inputs.Text(FeedbackActions.ReassignTo);
                var reassignNote = action.Inputs.Text(FeedbackActions.ReassignNote);
                var isQueue = to?.StartsWith("queue:", StringComparison.OrdinalIgnoreCase) == true;
                var queueName = isQueue ? to![6..] : null;
                if (to is null || (isQueue ? !settings.Routing.Queues.ContainsKey(queueName!) : desk.Person(to) is null))
                {
                    return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, "⚠ Pick a person or queue from the list to reassign to.", typed)) with { InputErrors = Field(FeedbackActions.ReassignTo, "Pick a person or queue from the list to reassign to.") };
                }

                var previousCard = item.OwnerChat is { } previousChat ? (Chat: previousChat, Key: item.OwnerCardKey) : ((ConversationRef Chat, string Key)?)null;
                var previousOwner = item.OwnerName;
                if (await desk.AssignAsync(settings.Routing, isQueue ? null : to, queueName, store, now, cancellationToken) is not { } assignment)
                {
                    return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, "⚠ Pick a person or queue from the list to reassign to.", typed)) with { InputErrors = Field(FeedbackActions.ReassignTo, "Pick a person or queue from the list to reassign to.") };
                }

                outbound.AddRange(Assign(item, desk, assignment, item.RuleName, now, reassignNote is null ? $"Reassigned to you by {actorName}." : $"Reassigned to you by {actorName}: {reassignNote}"));
                Record(item, now, actorId, actorName, $"reassigned to {item.OwnerName}", reassignNote);
                sellerNotice = $"{previousOwner} passed it to {item.OwnerName}." + (assignment.Note is { } n ? " " + n : "");
                outbound.AddRange(SellerCard(item, sellerNotice));
                outbound.AddRange(await RequesterCardsAsync(item, sellerNotice, cancellationToken));
                var closedCard = MessageContent.FromCard(FeedbackCards.Alert(item, zone, $"Reassigned to {item.OwnerName}"), $"#{item.Number} reassigned");
                if (previousCard is { } card && !isOwner)
                {
                    outbound.Add(OutboundMessage.UpdateSent(card.Chat, card.Key, closedCard));
                }

                return Ack.WithCard(FeedbackCards.Alert(item, zone, $"Reassigned to {item.OwnerName}"), [.. outbound]);
            default:
                return Ack.WithMessage("That button is not known here.");
        }

        outbound.AddRange(SellerCard(item, sellerNotice));
        outbound.AddRange(await RequesterCardsAsync(item, sellerNotice, cancellationToken));
        if (!isOwner && item.OwnerChat is { } ownerChat)
        {
            // A lead acted for the owner: the owner's own card shows it too.
            outbound.Add(OutboundMessage.UpdateSent(ownerChat, item.OwnerCardKey, MessageContent.FromCard(FeedbackCards.Owner(item, zone, targets, $"{actorName}: {ownerNotice}"), $"#{item.Number} updated")));
        }

        return Ack.WithCard(FeedbackCards.Owner(item, zone, targets, ownerNotice), [.. outbound]);
    }

    public async Task<Ack> SellerActionAsync(CardActionSubmitted action, string verb, CancellationToken cancellationToken)
    {
        var (item, desk, refusal) = await LoadAsync(action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var actor = action.From!;
        var zone = SellerZone(item!);
        var actorId = FeedbackDesk.MemberId(actor);
        if (!string.Equals(actorId, item!.SellerId, StringComparison.OrdinalIgnoreCase))
        {
            var requester = (await store.RequestersAsync(item.Number, cancellationToken))
                .FirstOrDefault(r => string.Equals(r.RequesterId, actorId, StringComparison.OrdinalIgnoreCase));
            return requester is not null && verb == FeedbackActions.Rate
                ? RateAsRequester(item, requester, action)
                : Ack.WithMessage($"Only {item.SellerName}, who sent #{item.Number}, can answer or rate it.");
        }

        var now = clock.GetUtcNow();
        var outbound = new List<OutboundMessage>();
        var ownerZone = desk!.ZoneOf(desk.Person(item.OwnerId));
        var targets = desk.ReassignTargets(settings.Routing);
        if (verb == FeedbackActions.Answer)
        {
            if (item.Status != FeedbackStatus.WaitingOnSeller)
            {
                return Ack.WithCard(FeedbackCards.Receipt(item, zone, "There is no open question on this item any more; nothing changed."));
            }

            var answer = action.Inputs.Text(FeedbackActions.AnswerText);
            if (Check(answer, "Type your answer.") is { } error)
            {
                return Ack.WithCard(FeedbackCards.Receipt(item, zone, "⚠ " + error));
            }

            var question = item.PendingQuestion;
            item.Answer(now, desk.AvailabilityOf(item.OwnerId));
            Record(item, now, item.SellerId, item.SellerName, "answered", answer);
            if (item.OwnerChat is { } ownerChat)
            {
                outbound.Add(OutboundMessage.UpdateSent(ownerChat, item.OwnerCardKey, MessageContent.FromCard(
                    FeedbackCards.Owner(item, ownerZone, targets, $"{item.SellerName} answered “{question}”: {answer}"), $"#{item.Number}: {item.SellerName} answered")));
            }

            return Ack.WithCard(FeedbackCards.Receipt(item, zone, $"Answer sent to {item.OwnerName}. The clock runs again."), [.. outbound]);
        }

        if (item.Status != FeedbackStatus.Resolved)
        {
            return Ack.WithCard(FeedbackCards.Receipt(item, zone, "Only a resolved item can be rated; nothing changed."));
        }

        var helpful = string.Equals(action.Inputs.Text(FeedbackActions.Helpful), "true", StringComparison.OrdinalIgnoreCase);
        var comment = action.Inputs.Text(FeedbackActions.Comment);
        if (comment is { Length: > FeedbackActions.MaxText })
        {
            return Ack.WithCard(FeedbackCards.Receipt(item, zone, $"⚠ The comment is over {FeedbackActions.MaxText:N0} characters."));
        }

        if (item.Helpful is not null)
        {
            return Ack.WithCard(FeedbackCards.Receipt(item, zone, "You rated this already."));
        }

        item.Rate(helpful, comment);
        Record(item, now, item.SellerId, item.SellerName, helpful ? "rated it helpful" : "rated it not helpful", comment);
        if (item.OwnerChat is { } chat)
        {
            outbound.Add(OutboundMessage.UpdateSent(chat, item.OwnerCardKey, MessageContent.FromCard(FeedbackCards.Owner(item, ownerZone, targets), $"#{item.Number} rated")));
        }

        return Ack.WithCard(FeedbackCards.Receipt(item, zone), [.. outbound]);
    }

    /// <summary>
    /// A seller adds their +1 to an open item instead of filing the same again: they become a requester (told the
    /// answer, may rate it), the owner's card shows the demand, and the owner hears of new +1s once a day at most.
    /// </summary>
    public async Task<Ack> PlusOneAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var (item, desk, refusal) = await LoadAsync(action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var seller = action.From!;
        var sellerId = FeedbackDesk.MemberId(seller);
        var form = FeedbackForm.Read(action.Inputs, settings.Catalog);
        if (item!.IsClosed)
        {
            return Ack.WithCard(FeedbackCards.Form(settings.Catalog, form.Values, new Dictionary<string, string>
            {
                ["_"] = $"#{item.Number} was {FeedbackNames.Of(item.Status).ToLowerInvariant()} meanwhile. Send yours as new: everything you typed is still here.",
            }));
        }

        var requesters = await store.RequestersAsync(item.Number, cancellationToken);
        var zone = FeedbackDesk.ZoneOf(action.TimeZone ?? desk!.Person(seller)?.Availability.TimeZone);
        if (string.Equals(sellerId, item.SellerId, StringComparison.OrdinalIgnoreCase)
            || requesters.Any(r => string.Equals(r.RequesterId, sellerId, StringComparison.OrdinalIgnoreCase)))
        {
            return Ack.WithCard(FeedbackCards.Receipt(item, zone, $"You're already on #{item.Number}; nothing changed."));
        }

        var now = clock.GetUtcNow();
        var amount = form.Draft?.Amount;
        var chat = action.Conversation.Kind == ConversationKind.Personal ? action.Conversation : desk!.Person(seller)?.Personal ?? action.Conversation;
        var requester = new FeedbackRequester(item.Number, sellerId, seller.DisplayName ?? sellerId, chat,
            chat == action.Conversation ? action.ActivityId : null, action.TimeZone, amount, now);
        store.AddRequester(requester);
        item.AddPlusOne(amount);
        Record(item, now, sellerId, requester.Name, "added a +1", amount is { } a ? $"deal {a.ToString("N0", CultureInfo.InvariantCulture)}" : null);

        var outbound = new List<OutboundMessage>();
        var owner = desk!.Person(item.OwnerId);
        var ownerZone = desk.ZoneOf(owner);
        var demand = FeedbackCards.Demand(item);
        if (item.OwnerChat is { } ownerChat)
        {
            outbound.Add(OutboundMessage.UpdateSent(ownerChat, item.OwnerCardKey, MessageContent.FromCard(
                FeedbackCards.Owner(item, ownerZone, desk.ReassignTargets(settings.Routing), $"{requester.Name} added a +1: {demand}."), $"#{item.Number}: +1 from {requester.Name}")));
        }

        // The card updates silently; a message tells the owner, at most once a day per item.
        var day = Availability.LocalClock.LocalDate(now, ownerZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (owner?.Direct(MessageContent.FromText($"+1 on #{item.Number} ({FeedbackNames.Of(item.Kind)} · {item.Topic}) from {requester.Name}: {demand}."), $"feedback:{item.Number}:plusones:{day}") is { } notice)
        {
            outbound.Add(notice);
        }

        var card = FeedbackCards.Receipt(item, zone, $"Your +1 is on #{item.Number}. You'll get the answer when {item.OwnerName} has it.", requester);
        if (chat != action.Conversation)
        {
            outbound.Add(OutboundMessage.Send(chat, MessageContent.FromCard(card, $"Your +1 on #{item.Number}"), $"feedback:{item.Number}:requester:{sellerId}"));
        }

        return Ack.WithCard(card, [.. outbound]);
    }

    private Ack RateAsRequester(FeedbackItem item, FeedbackRequester requester, CardActionSubmitted action)
    {
        var zone = FeedbackDesk.ZoneOf(requester.TimeZone);
        if (item.Status != FeedbackStatus.Resolved || requester.Helpful is not null)
        {
            return Ack.WithCard(FeedbackCards.Receipt(item, zone, requester.Helpful is null ? "Only a resolved item can be rated; nothing changed." : "You rated this already.", requester));
        }

        var comment = action.Inputs.Text(FeedbackActions.Comment);
        if (comment is { Length: > FeedbackActions.MaxText })
        {
            return Ack.WithCard(FeedbackCards.Receipt(item, zone, $"⚠ The comment is over {FeedbackActions.MaxText:N0} characters.", requester));
        }

        var helpful = string.Equals(action.Inputs.Text(FeedbackActions.Helpful), "true", StringComparison.OrdinalIgnoreCase);
        var rated = requester with { Helpful = helpful, Comment = comment };
        store.UpdateRequester(rated);
        Record(item, clock.GetUtcNow(), requester.RequesterId, requester.Name, helpful ? "rated it helpful" : "rated it not helpful", comment);
        return Ack.WithCard(FeedbackCards.Receipt(item, zone, null, rated));
    }

    /// <summary>Each +1 requester's card, updated in place like the seller's.</summary>
    private async Task<IEnumerable<OutboundMessage>> RequesterCardsAsync(FeedbackItem item, string? notice, CancellationToken cancellationToken)
    {
        var requesters = await store.RequestersAsync(item.Number, cancellationToken);
        return requesters.Select(r =>
        {
            var content = MessageContent.FromCard(FeedbackCards.Receipt(item, FeedbackDesk.ZoneOf(r.TimeZone), notice, r), $"Feedback #{item.Number}: {FeedbackNames.Of(item.Status)}");
            return r.CardActivityId is { } activityId
                ? OutboundMessage.UpdateActivity(r.Chat, activityId, content)
                : OutboundMessage.UpdateSent(r.Chat, $"feedback:{item.Number}:requester:{r.RequesterId}", content);
        });
    }

    /// <summary>Gives the item to its owner: SLA clocks in the owner's working time, and the owner's card.</summary>
    private List<OutboundMessage> Assign(FeedbackItem item, FeedbackDesk desk, FeedbackDesk.Assignment assignment, string? rule, DateTimeOffset now, string? notice = null)
    {
        var owner = desk.Person(assignment.OwnerId);
        var chat = owner?.Personal;
        item.AssignTo(assignment.OwnerId, owner?.DisplayName ?? assignment.OwnerId, chat, assignment.Queue, rule, settings.Sla.For(item.Kind, item.Urgency), desk.AvailabilityOf(assignment.OwnerId), now);
        var card = MessageContent.FromCard(
            FeedbackCards.Owner(item, desk.ZoneOf(owner), desk.ReassignTargets(settings.Routing), notice ?? assignment.Note),
            $"Feedback #{item.Number} from {item.SellerName}: {FeedbackNames.Of(item.Kind)} on {item.Topic}");
        return owner?.Direct(card, item.OwnerCardKey) is { } message ? [message] : [];
    }

    /// <summary>The seller's card, updated in place (the card they filed on), or a new message when AlignBot can't.</summary>
    private IEnumerable<OutboundMessage> SellerCard(FeedbackItem item, string? notice)
    {
        var content = MessageContent.FromCard(FeedbackCards.Receipt(item, SellerZone(item), notice), $"Feedback #{item.Number}: {FeedbackNames.Of(item.Status)}");
        yield return item.SellerCardActivityId is { } activityId
            ? OutboundMessage.UpdateActivity(item.SellerChat, activityId, content)
            : OutboundMessage.UpdateSent(item.SellerChat, item.SellerCardKey, content);
    }

    private async Task<(FeedbackItem? Item, FeedbackDesk? Desk, Ack? Refusal)> LoadAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        if (!long.TryParse(action.Inputs.Text(FeedbackActions.Item), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return (null, null, Ack.WithMessage("This card doesn't say which item it is about."));
        }

        if (action.From is null)
        {
            return (null, null, Ack.WithMessage("I can't tell who you are."));
        }

        var item = await store.FindAsync(number, cancellationToken);
        return item is null
            ? (null, null, Ack.WithMessage($"Item #{number} doesn't exist."))
            : (item, await FeedbackDesk.LoadAsync(organization, cancellationToken), null);
    }

    private void Record(FeedbackItem item, DateTimeOffset now, string actorId, string actorName, string what, string? detail) =>
        store.Record(new FeedbackEntry(item.Number, now, actorId, actorName, what, detail));

    private bool MaySee(FeedbackItem item, UserRef user, FeedbackDesk desk)
    {
        var id = FeedbackDesk.MemberId(user);
        return string.Equals(id, item.SellerId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id, item.OwnerId, StringComparison.OrdinalIgnoreCase)
            || desk.IsMarketingLead(user)
            || organization.IsAdmin(user);
    }

    private async Task<Ack?> RefuseRoutingAsync(MessageReceived message, CancellationToken cancellationToken)
    {
        if (message.From is { } user && (organization.IsAdmin(user) || (await FeedbackDesk.LoadAsync(organization, cancellationToken)).IsMarketingLead(user)))
        {
            return null;
        }

        return Text(message, "Only admins and marketing leads can see and test the routing rules.");
    }

    /// <summary>Reads <c>kind=… topic=… persona=… stage=… urgency=…</c> and takes the rest as the description.</summary>
    public bool TryReadTestDraft(string arguments, out FeedbackDraft draft, out string problem)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var words = new List<string>();
        foreach (var token in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && token[..equals] is "kind" or "topic" or "persona" or "stage" or "urgency")
            {
                fields[token[..equals]] = token[(equals + 1)..].Replace('_', ' ');
            }
            else
            {
                words.Add(token);
            }
        }

        draft = null!;
        problem = "";
        var kind = FeedbackKind.ContentRequest;
        if (fields.TryGetValue("kind", out var kindText) && !(Enum.TryParse(kindText, ignoreCase: true, out kind) && Enum.IsDefined(kind)))
        {
            problem = $"'{kindText}' is not a kind: use one of {string.Join(", ", Enum.GetNames<FeedbackKind>())}.";
            return false;
        }

        var urgency = FeedbackUrgency.Normal;
        if (fields.TryGetValue("urgency", out var urgencyText) && !(Enum.TryParse(urgencyText, ignoreCase: true, out urgency) && Enum.IsDefined(urgency)))
        {
            problem = $"'{urgencyText}' is not an urgency: use Low, Normal, High or Critical.";
            return false;
        }

        if (words.Count == 0 && fields.Count == 0)
        {
            problem = "Give some text to route, e.g. `routing test kind=ContentGap topic=Analytics we need a ROI calculator`.";
            return false;
        }

        draft = new FeedbackDraft(kind, fields.GetValueOrDefault("topic") ?? "", fields.GetValueOrDefault("persona"), fields.GetValueOrDefault("stage"),
            null, null, null, null, null, urgency, string.Join(' ', words));
        return true;
    }

    private static string? Check(string? text, string missing) =>
        text is null ? missing : text.Length > FeedbackActions.MaxText ? $"That is {text.Length:N0} characters; the limit is {FeedbackActions.MaxText:N0}." : null;

    private static TimeZoneInfo SellerZone(FeedbackItem item) => FeedbackDesk.ZoneOf(item.SellerTimeZone);

    private static TimeZoneInfo Zone(ChatEvent chatEvent) => FeedbackDesk.ZoneOf(chatEvent.TimeZone);

    private static Ack Text(ChatEvent to, string text) => Ack.Reply(to, MessageContent.FromText(text));

    /// <summary>One input's error, for forms that put it under the input (Slack modals).</summary>
    private static Dictionary<string, string> Field(string inputId, string error) => new(StringComparer.Ordinal) { [inputId] = error };
}
