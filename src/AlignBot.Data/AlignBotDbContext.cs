using AlignBot.Data.Conversations;
using AlignBot.Data.Outbox;
using AlignBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data;

/// <summary>
/// The one model, shared by both providers. Each provider has its own subclass so that it has its own
/// migrations (<see cref="SqliteAlignBotDbContext"/>, <see cref="PostgresAlignBotDbContext"/>).
/// </summary>
internal abstract class AlignBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<InboundDelivery> InboundDeliveries => Set<InboundDelivery>();

    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();

    public DbSet<PersonRecord> People => Set<PersonRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboundDelivery>(e =>
        {
            e.ToTable("inbound_deliveries");
            e.HasKey(x => new { x.Platform, x.DeliveryId });
            e.Property(x => x.DeliveryId).HasMaxLength(256);
            e.HasIndex(x => x.ReceivedAt);
        });

        modelBuilder.Entity<ConversationRecord>(e =>
        {
            e.ToTable("conversations");
            e.HasIndex(x => new { x.Platform, x.ConversationId }).IsUnique();
            e.Property(x => x.ConversationId).HasMaxLength(512);
            e.Property(x => x.TenantId).HasMaxLength(128);
            e.Property(x => x.ServiceUrl).HasMaxLength(512);
            e.Property(x => x.TeamId).HasMaxLength(512);
            e.Property(x => x.Name).HasMaxLength(256);
        });

        modelBuilder.Entity<PersonRecord>(e =>
        {
            e.ToTable("people");
            e.HasIndex(x => new { x.Platform, x.UserId }).IsUnique();
            e.HasIndex(x => x.AadObjectId);
            e.Property(x => x.UserId).HasMaxLength(256);
            e.Property(x => x.TenantId).HasMaxLength(128);
            e.Property(x => x.AadObjectId).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(256);
            e.Property(x => x.Locale).HasMaxLength(32);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.PersonalConversationId).HasMaxLength(512);
            e.Property(x => x.ServiceUrl).HasMaxLength(512);
        });

        modelBuilder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.Property(x => x.Key).HasMaxLength(256);
            e.Property(x => x.TargetKey).HasMaxLength(256);
            e.Property(x => x.TenantId).HasMaxLength(128);
            e.Property(x => x.ConversationId).HasMaxLength(512);
            e.Property(x => x.SentActivityId).HasMaxLength(512);
            e.Property(x => x.SentConversationId).HasMaxLength(512);
            e.Property(x => x.LastError).HasMaxLength(1024);
        });
    }
}
