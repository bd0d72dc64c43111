using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_items",
                columns: table => new
                {
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Persona = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AssetRating = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeadVerdict = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Customer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SourceLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SellerId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SellerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SellerPlatform = table.Column<int>(type: "INTEGER", nullable: false),
                    SellerUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SellerTenantId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SellerConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    SellerServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SellerTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SellerCardActivityId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OwnerConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    OwnerPlatform = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerTenantId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    OwnerServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Assignment = table.Column<int>(type: "INTEGER", nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgeDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolveDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgeRemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolveRemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgeEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolveEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingQuestion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolutionLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
