using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlackWorkspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "slack_workspaces",
                columns: table => new
                {
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TeamName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BotUserId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtectedBotToken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    InstalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InstalledBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_slack_workspaces", x => x.TeamId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "slack_workspaces");
        }
    }
}
