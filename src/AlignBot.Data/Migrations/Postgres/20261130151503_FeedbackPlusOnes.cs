using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Postgres
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
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlusOnes",
                table: "feedback_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "feedback_requesters",
                columns: table => new
                {
                    ItemNumber = table.Column<long>(type: "bigint", nullable: false),
                    RequesterId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Platform = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ConversationKind = table.Column<int>(type: "integer", nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CardActivityId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Helpful = table.Column<bool>(type: "boolean", nullable: true),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
