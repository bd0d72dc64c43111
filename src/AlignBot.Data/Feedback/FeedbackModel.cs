using AlignBot.Core.Feedback;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Feedback;

/// <summary>
/// Maps the feedback items as the Core defines them (their state changes through the item's own methods, EF
/// writes the properties through their private setters) and their history.
/// </summary>
internal static class FeedbackModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FeedbackItem>(e =>
        {
            e.ToTable("feedback_items");
            e.HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
            e.Ignore(x => x.IsClosed);
            e.Ignore(x => x.SellerCardKey);
            e.Ignore(x => x.OwnerCardKey);
            e.Ignore(x => x.SellerChat);
            e.Ignore(x => x.OwnerChat);
            e.Ignore(x => x.Draft);
            e.Property(x => x.Topic).HasMaxLength(200);
            e.Property(x => x.Persona).HasMaxLength(200);
            e.Property(x => x.Stage).HasMaxLength(200);
            e.Property(x => x.Asset).HasMaxLength(FeedbackForm.MaxShortText);
            e.Property(x => x.AssetRating).HasMaxLength(64);
            e.Property(x => x.LeadVerdict).HasMaxLength(64);
            e.Property(x => x.Customer).HasMaxLength(FeedbackForm.MaxShortText);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.DealTotal).HasPrecision(18, 2);
            e.Property(x => x.Description).HasMaxLength(FeedbackForm.MaxDescription);
            e.Property(x => x.SourceLink).HasMaxLength(2000);
            e.Property(x => x.SellerId).HasMaxLength(256);
            e.Property(x => x.SellerName).HasMaxLength(256);
            e.Property(x => x.SellerUserId).HasMaxLength(256);
            e.Property(x => x.SellerTenantId).HasMaxLength(128);
            e.Property(x => x.SellerConversationId).HasMaxLength(512);
            e.Property(x => x.SellerServiceUrl).HasMaxLength(512);
            e.Property(x => x.SellerTimeZone).HasMaxLength(64);
            e.Property(x => x.SellerCardActivityId).HasMaxLength(512);
            e.Property(x => x.OwnerId).HasMaxLength(256);
            e.Property(x => x.OwnerName).HasMaxLength(256);
            e.Property(x => x.OwnerConversationId).HasMaxLength(512);
            e.Property(x => x.OwnerTenantId).HasMaxLength(128);
            e.Property(x => x.OwnerServiceUrl).HasMaxLength(512);
            e.Property(x => x.Queue).HasMaxLength(128);
            e.Property(x => x.RuleName).HasMaxLength(128);
            e.Property(x => x.PendingQuestion).HasMaxLength(FeedbackActions.MaxText);
            e.Property(x => x.ResolutionLink).HasMaxLength(2000);
            e.Property(x => x.ResolutionNote).HasMaxLength(FeedbackActions.MaxText);
            e.Property(x => x.DeclineReason).HasMaxLength(FeedbackActions.MaxText);
            e.Property(x => x.RatingComment).HasMaxLength(FeedbackActions.MaxText);
            e.HasIndex(x => new { x.Status, x.OwnerId });
            e.HasIndex(x => x.NextCheckAt);
            e.HasIndex(x => new { x.SellerId, x.CreatedAt });
            e.HasIndex(x => new { x.Queue, x.CreatedAt });
        });

        modelBuilder.Entity<FeedbackRequesterRecord>(e =>
        {
            e.ToTable("feedback_requesters");
            e.HasKey(x => new { x.ItemNumber, x.RequesterId });
            e.Property(x => x.RequesterId).HasMaxLength(256);
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.TenantId).HasMaxLength(128);
            e.Property(x => x.ConversationId).HasMaxLength(512);
            e.Property(x => x.ServiceUrl).HasMaxLength(512);
            e.Property(x => x.CardActivityId).HasMaxLength(512);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.Comment).HasMaxLength(FeedbackActions.MaxText);
        });

        modelBuilder.Entity<FeedbackEntryRecord>(e =>
        {
            e.ToTable("feedback_history");
            e.HasIndex(x => new { x.ItemNumber, x.At });
            e.Property(x => x.ActorId).HasMaxLength(256);
            e.Property(x => x.ActorName).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(256);
            e.Property(x => x.Detail).HasMaxLength(FeedbackActions.MaxText);
        });
    }
}
