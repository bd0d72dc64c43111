using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackPlusOnes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "DealTotal",
                table: "feedback_items",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlusOnes",
                table: "feedback_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "feedback_requesters",
                columns: table => new
                {
                    ItemNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Platform = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ConversationKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CardActivityId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_requesters", x => new { x.ItemNumber, x.RequesterId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_requesters");

            migrationBuilder.DropColumn(
                name: "DealTotal",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "PlusOnes",
                table: "feedback_items");
        }
    }
}
