using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AlignBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemNumber = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_items",
                columns: table => new
                {
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Persona = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Stage = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Asset = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AssetRating = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeadVerdict = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Customer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SourceLink = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SellerId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SellerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SellerPlatform = table.Column<int>(type: "integer", nullable: false),
                    SellerUserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SellerTenantId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SellerConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    SellerServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    SellerTimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SellerCardActivityId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    OwnerId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OwnerConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    OwnerPlatform = table.Column<int>(type: "integer", nullable: false),
                    OwnerTenantId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    OwnerServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Assignment = table.Column<int>(type: "integer", nullable: false),
                    Queue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RuleName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgeDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolveDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgeRemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolveRemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgeEscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolveEscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PendingQuestion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ResolutionLink = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Helpful = table.Column<bool>(type: "boolean", nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_items", x => x.Number);
                });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_history_ItemNumber_At",
                table: "feedback_history",
                columns: new[] { "ItemNumber", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_items_Queue_CreatedAt",
                table: "feedback_items",
                columns: new[] { "Queue", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_items_SellerId_CreatedAt",
                table: "feedback_items",
                columns: new[] { "SellerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_items_Status_OwnerId",
                table: "feedback_items",
                columns: new[] { "Status", "OwnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_history");

            migrationBuilder.DropTable(
                name: "feedback_items");
        }
    }
}
