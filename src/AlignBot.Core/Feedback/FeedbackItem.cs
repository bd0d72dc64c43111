using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;

namespace AlignBot.Core.Feedback;

/// <summary>
/// One piece of seller feedback, from filing to the seller's rating: who filed it, who owns it, its SLA clock and
/// where it stands. The clock runs in the owner's working hours and stops while the owner waits on the seller.
/// </summary>
public sealed class FeedbackItem
{
    private FeedbackItem()
    {
    }

    public long Number { get; private set; }

    public FeedbackKind Kind { get; private set; }

    public string Topic { get; private set; } = "";

    public string? Persona { get; private set; }

    public string? Stage { get; private set; }

    public string? Asset { get; private set; }

    public string? AssetRating { get; private set; }

    public string? LeadVerdict { get; private set; }

    public string? Customer { get; private set; }

    public decimal? Amount { get; private set; }

    public FeedbackUrgency Urgency { get; private set; }

    public string Description { get; private set; } = "";

    public string? SourceLink { get; private set; }

    public string SellerId { get; private set; } = "";

    public string SellerName { get; private set; } = "";

    public Platform SellerPlatform { get; private set; }

    public string SellerUserId { get; private set; } = "";

    public string SellerTenantId { get; private set; } = "";

    public string SellerConversationId { get; private set; } = "";

    public string? SellerServiceUrl { get; private set; }

    /// <summary>The seller's IANA time zone when they filed, for the times on their card.</summary>
    public string? SellerTimeZone { get; private set; }

    /// <summary>The seller's card for this item (the feedback card they filed on, turned into the receipt).</summary>
    public string? SellerCardActivityId { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    /// <summary>The owner's 1:1 chat, where their card is; null until AlignBot can reach them.</summary>
    public string? OwnerConversationId { get; private set; }

    public Platform OwnerPlatform { get; private set; }

    public string? OwnerTenantId { get; private set; }

    public string? OwnerServiceUrl { get; private set; }

    /// <summary>Counts assignments, so each owner's card has its own key.</summary>
    public int Assignment { get; private set; }

    public string? Queue { get; private set; }

    public string? RuleName { get; private set; }

    public FeedbackStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset AcknowledgeDueAt { get; private set; }

    public DateTimeOffset ResolveDueAt { get; private set; }

    public DateTimeOffset? AcknowledgeRemindedAt { get; private set; }

    public DateTimeOffset? ResolveRemindedAt { get; private set; }

    public DateTimeOffset? AcknowledgeEscalatedAt { get; private set; }

    public DateTimeOffset? ResolveEscalatedAt { get; private set; }

    /// <summary>When a breach still open after the first escalation went to the next level.</summary>
    public DateTimeOffset? AcknowledgeEscalatedAgainAt { get; private set; }

    public DateTimeOffset? ResolveEscalatedAgainAt { get; private set; }

    /// <summary>
    /// When the SLA clock must look at this item next (a reminder or an escalation may be due then); null while it is
    /// closed or waiting on the seller. The scheduler reads only the items whose time has come.
    /// </summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>When the owner asked the seller a question: the clock is stopped from then until the answer.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    public string? PendingQuestion { get; private set; }

    public string? ResolutionLink { get; private set; }

    public string? ResolutionNote { get; private set; }

    public string? DeclineReason { get; private set; }

    public bool? Helpful { get; private set; }

    /// <summary>Sellers besides the one who filed it who asked for the same (their +1).</summary>
    public int PlusOnes { get; private set; }

    /// <summary>The deal amounts of the seller and everyone who added a +1.</summary>
    public decimal? DealTotal { get; private set; }

    public string? RatingComment { get; private set; }

    public bool IsClosed => Status is FeedbackStatus.Resolved or FeedbackStatus.Declined;

    public string SellerCardKey => $"feedback:{Number}:seller";

    public string OwnerCardKey => $"feedback:{Number}:owner:{Assignment}";

    public ConversationRef SellerChat => new(SellerPlatform, SellerTenantId, SellerConversationId, ConversationKind.Personal, SellerServiceUrl);

    public ConversationRef? OwnerChat =>
        OwnerConversationId is { } id ? new ConversationRef(OwnerPlatform, OwnerTenantId ?? "", id, ConversationKind.Personal, OwnerServiceUrl) : null;

    public static FeedbackItem File(long number, FeedbackDraft draft, UserRef seller, string sellerId, ConversationRef sellerChat, string? sellerTimeZone, DateTimeOffset now) => new()
    {
        Number = number,
        Kind = draft.Kind,
        Topic = draft.Topic,
        Persona = draft.Persona,
        Stage = draft.Stage,
        Asset = draft.Asset,
        AssetRating = draft.AssetRating,
        LeadVerdict = draft.LeadVerdict,
        Customer = draft.Customer,
        Amount = draft.Amount,
        Urgency = draft.Urgency,
        Description = draft.Description,
        SourceLink = draft.SourceLink,
        SellerId = sellerId,
        SellerName = seller.DisplayName ?? sellerId,
        SellerPlatform = seller.Platform,
        SellerUserId = seller.UserId,
        SellerTenantId = sellerChat.TenantId,
        SellerConversationId = sellerChat.ConversationId,
        SellerServiceUrl = sellerChat.ServiceUrl,
        SellerTimeZone = sellerTimeZone,
        Status = FeedbackStatus.Open,
        CreatedAt = now,
        DealTotal = draft.Amount,
    };

    public FeedbackDraft Draft => new(Kind, Topic, Persona, Stage, Asset, AssetRating, LeadVerdict, Customer, Amount, Urgency, Description, SourceLink);

    /// <summary>Gives the item to an owner and starts (or restarts) both SLA clocks in the owner's working hours.</summary>
    public void AssignTo(string ownerId, string ownerName, ConversationRef? ownerChat, string? queue, string? rule, SlaTarget sla, MemberAvailability ownerAvailability, DateTimeOffset now)
    {
        OwnerId = ownerId;
        OwnerName = ownerName;
        OwnerConversationId = ownerChat?.ConversationId;
        OwnerPlatform = ownerChat?.Platform ?? SellerPlatform;
        OwnerTenantId = ownerChat?.TenantId;
        OwnerServiceUrl = ownerChat?.ServiceUrl;
        Queue = queue;
        RuleName = rule;
        Assignment++;
        if (Status != FeedbackStatus.WaitingOnSeller)
        {
            Status = FeedbackStatus.Open;
            AcknowledgedAt = null;
        }

        AcknowledgeDueAt = WorkingTime.Add(now, sla.Acknowledge, ownerAvailability);
        ResolveDueAt = WorkingTime.Add(now, sla.Resolve, ownerAvailability);
        AcknowledgeRemindedAt = ResolveRemindedAt = AcknowledgeEscalatedAt = ResolveEscalatedAt = AcknowledgeEscalatedAgainAt = ResolveEscalatedAgainAt = null;
        NextCheckAt = Status == FeedbackStatus.WaitingOnSeller ? null : now;
    }

    public void AttachSellerCard(string? activityId) => SellerCardActivityId = activityId;

    public void Acknowledge(DateTimeOffset now)
    {
        Status = FeedbackStatus.Acknowledged;
        AcknowledgedAt ??= now;
    }

    /// <summary>The owner asks the seller something; both clocks stop until the seller answers.</summary>
    public void Ask(string question, DateTimeOffset now)
    {
        AcknowledgedAt ??= now;
        PendingQuestion = question;
        PausedAt ??= now;
        Status = FeedbackStatus.WaitingOnSeller;
        NextCheckAt = null;
    }

    /// <summary>The seller answered: the clocks resume with the working time they had left when they stopped.</summary>
    public void Answer(DateTimeOffset now, MemberAvailability ownerAvailability)
    {
        if (PausedAt is { } paused)
        {
            var ackLeft = WorkingTime.Between(paused, AcknowledgeDueAt, ownerAvailability);
            var resolveLeft = WorkingTime.Between(paused, ResolveDueAt, ownerAvailability);
            if (AcknowledgeDueAt > paused)
            {
                AcknowledgeDueAt = WorkingTime.Add(now, ackLeft, ownerAvailability);
            }

            if (ResolveDueAt > paused)
            {
                ResolveDueAt = WorkingTime.Add(now, resolveLeft, ownerAvailability);
            }
        }

        PausedAt = null;
        PendingQuestion = null;
        Status = FeedbackStatus.Acknowledged;
        NextCheckAt = now;
    }

    public void Resolve(string? link, string? note, DateTimeOffset now)
    {
        ResolutionLink = link;
        ResolutionNote = note;
        Close(FeedbackStatus.Resolved, now);
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        DeclineReason = reason;
        Close(FeedbackStatus.Declined, now);
    }

    /// <summary>Another seller asks for the same: the demand grows.</summary>
    public void AddPlusOne(decimal? amount)
    {
        PlusOnes++;
        DealTotal = amount is null ? DealTotal : (DealTotal ?? 0) + amount;
    }

    public void Rate(bool helpful, string? comment)
    {
        Helpful = helpful;
        RatingComment = comment;
    }

    /// <summary>Set by the SLA clock after it looked: the earliest moment something may be due.</summary>
    public void CheckAgainAt(DateTimeOffset? at) => NextCheckAt = IsClosed || Status == FeedbackStatus.WaitingOnSeller ? null : at;

    public void MarkAcknowledgeReminded(DateTimeOffset now) => AcknowledgeRemindedAt = now;

    public void MarkResolveReminded(DateTimeOffset now) => ResolveRemindedAt = now;

    public void MarkAcknowledgeEscalated(DateTimeOffset now) => AcknowledgeEscalatedAt = now;

    public void MarkResolveEscalated(DateTimeOffset now) => ResolveEscalatedAt = now;

    public void MarkAcknowledgeEscalatedAgain(DateTimeOffset now) => AcknowledgeEscalatedAgainAt = now;

    public void MarkResolveEscalatedAgain(DateTimeOffset now) => ResolveEscalatedAgainAt = now;

    private void Close(FeedbackStatus status, DateTimeOffset now)
    {
        AcknowledgedAt ??= now;
        PausedAt = null;
        PendingQuestion = null;
        Status = status;
        ClosedAt = now;
        NextCheckAt = null;
    }
}
