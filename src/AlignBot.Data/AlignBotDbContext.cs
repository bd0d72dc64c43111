using AlignBot.Data.Conversations;
using AlignBot.Data.Organization;
using AlignBot.Data.Outbox;
using AlignBot.Data.People;
using AlignBot.Data.Slack;
using AlignBot.Data.Standups;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data;

/// <summary>
/// The one model, shared by both providers. Each provider has its own subclass so that it has its own
/// migrations (<see cref="SqliteAlignBotDbContext"/>, <see cref="PostgresAlignBotDbContext"/>). It also keeps the
/// Data Protection key ring, so secrets it protects (Slack bot tokens) can be read again after a restart and by
/// every instance.
/// </summary>
internal abstract class AlignBotDbContext : DbContext, IDataProtectionKeyContext
{
    protected AlignBotDbContext(DbContextOptions options)
        : base(options)
    {
        // Every write path owns its transaction and saves once or twice inside it; a savepoint around each
        // save would add two statements per save and protect nothing the transaction does not.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<InboundDelivery> InboundDeliveries => Set<InboundDelivery>();

    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();

    public DbSet<PersonRecord> People => Set<PersonRecord>();

    public DbSet<PersonLinkRecord> PersonLinks => Set<PersonLinkRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    public DbSet<TeamRecord> Teams => Set<TeamRecord>();

    public DbSet<TeamMemberRecord> TeamMembers => Set<TeamMemberRecord>();

    public DbSet<TeamHolidayRecord> TeamHolidays => Set<TeamHolidayRecord>();

    public DbSet<StandupRecord> Standups => Set<StandupRecord>();

    public DbSet<StandupPromptRecord> StandupPrompts => Set<StandupPromptRecord>();

    public DbSet<AuditRecord> Audit => Set<AuditRecord>();

    public DbSet<AlignBot.Core.Feedback.FeedbackItem> FeedbackItems => Set<AlignBot.Core.Feedback.FeedbackItem>();

    public DbSet<Feedback.FeedbackEntryRecord> FeedbackHistory => Set<Feedback.FeedbackEntryRecord>();

    public DbSet<Feedback.FeedbackRequesterRecord> FeedbackRequesters => Set<Feedback.FeedbackRequesterRecord>();

    public DbSet<SlackWorkspaceRecord> SlackWorkspaces => Set<SlackWorkspaceRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
            e.Property(x => x.Email).HasMaxLength(320);
            e.HasIndex(x => x.Email);
        });

        modelBuilder.Entity<PersonLinkRecord>(e =>
        {
            e.ToTable("person_links");
            e.HasIndex(x => new { x.Platform, x.UserId }).IsUnique();
            e.HasIndex(x => x.MemberId);
            e.Property(x => x.UserId).HasMaxLength(256);
            e.Property(x => x.MemberId).HasMaxLength(64);
            e.Property(x => x.LinkedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");

            // The message apart from the row's state: a row is written three times (added, claimed, sent), and on
            // SQLite every update rewrites the whole row, so with the message inside, each message went to the
            // database's log three times. Apart, the claim and the sent mark change small rows that share pages.
            // The ids stay AUTOINCREMENT on SQLite as the table was created (the migration drops the column in place):
            // a later migration that rebuilds this table on SQLite must keep it.
            e.SplitToTable("outbox_payloads", t => t.Property(x => x.Payload));
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

        modelBuilder.Entity<TeamRecord>(e =>
        {
            e.ToTable("teams");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.HomeConversationId).HasMaxLength(512);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Holidays).WithOne().HasForeignKey(h => h.TeamId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TeamMemberRecord>(e =>
        {
            e.ToTable("team_members");
            e.HasIndex(x => new { x.TeamId, x.MemberId }).IsUnique();
            e.HasIndex(x => x.MemberId);
            e.Property(x => x.MemberId).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(256);
            e.Property(x => x.Email).HasMaxLength(320);
        });

        modelBuilder.Entity<TeamHolidayRecord>(e =>
        {
            e.ToTable("team_holidays");
            e.HasKey(x => new { x.TeamId, x.Date });
            e.Property(x => x.Name).HasMaxLength(256);
        });

        modelBuilder.Entity<StandupRecord>(e =>
        {
            e.ToTable("standups");
            e.HasIndex(x => new { x.TeamId, x.Name }).IsUnique();
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.TeamId).HasMaxLength(64);
            e.Property(x => x.ReportConversationId).HasMaxLength(512);
        });

        modelBuilder.Entity<StandupPromptRecord>(e =>
        {
            e.ToTable("standup_prompts");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.MemberId).HasMaxLength(64);
            e.Property(x => x.Blocker).HasMaxLength(4000);
            e.HasIndex(x => new { x.StandupId, x.LocalDate });
            e.HasIndex(x => new { x.StandupId, x.MemberId, x.LocalDate });
            e.HasIndex(x => x.Status);
        });

        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit");
            e.HasIndex(x => new { x.TeamId, x.At });
            e.Property(x => x.ActorUserId).HasMaxLength(256);
            e.Property(x => x.ActorAadObjectId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(256);
            e.Property(x => x.TeamId).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Details).HasMaxLength(1000);
        });

        modelBuilder.Entity<SlackWorkspaceRecord>(e =>
        {
            e.ToTable("slack_workspaces");
            e.HasKey(x => x.TeamId);
            e.Property(x => x.TeamId).HasMaxLength(32);
            e.Property(x => x.TeamName).HasMaxLength(256);
            e.Property(x => x.BotUserId).HasMaxLength(32);
            e.Property(x => x.Scopes).HasMaxLength(2000);
            e.Property(x => x.ProtectedBotToken).HasMaxLength(2000);
            e.Property(x => x.InstalledBy).HasMaxLength(32);
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));

        Feedback.FeedbackModel.Configure(modelBuilder);
    }
}
