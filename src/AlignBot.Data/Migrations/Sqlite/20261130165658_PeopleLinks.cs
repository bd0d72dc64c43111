using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "team_members",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "people",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmailCheckedAt",
                table: "people",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReachOn",
                table: "people",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "person_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Platform = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_links", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_Email",
                table: "people",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_person_links_MemberId",
                table: "person_links",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_person_links_Platform_UserId",
                table: "person_links",
                columns: new[] { "Platform", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_links");

            migrationBuilder.DropIndex(
                name: "IX_people_Email",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "people");

            migrationBuilder.DropColumn(
                name: "EmailCheckedAt",
                table: "people");

            migrationBuilder.DropColumn(
                name: "ReachOn",
                table: "people");
        }
    }
}
