using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackNextCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NextCheckAt",
                table: "feedback_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_items_NextCheckAt",
                table: "feedback_items",
                column: "NextCheckAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_items_NextCheckAt",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "NextCheckAt",
                table: "feedback_items");
        }
    }
}
