using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromptQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "QuestionsEditedAt",
                table: "standups",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionsJson",
                table: "standup_prompts",
                type: "TEXT",
                nullable: true);

            // Prompts sent before questions were kept with each prompt were asked the stand-up's questions as they are now.
            migrationBuilder.Sql(
                "UPDATE standup_prompts SET \"QuestionsJson\" = (SELECT s.\"QuestionsJson\" FROM standups s WHERE s.\"Id\" = standup_prompts.\"StandupId\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QuestionsEditedAt",
                table: "standups");

            migrationBuilder.DropColumn(
                name: "QuestionsJson",
                table: "standup_prompts");
        }
    }
}
