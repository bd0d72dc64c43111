using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AvailabilitySources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "TimeZoneChosen",
                table: "people",
                newName: "TimeZoneSource");

            // A chosen zone (1) was the person's; any other known zone came from the chat client.
            migrationBuilder.Sql("""UPDATE people SET "TimeZoneSource" = CASE WHEN "TimeZoneSource" <> 0 THEN 3 WHEN "TimeZone" IS NOT NULL THEN 1 ELSE 0 END;""");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OutOfOfficeFrom",
                table: "people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OutOfOfficeSource",
                table: "people",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Every out-of-office so far was set with "ooo".
            migrationBuilder.Sql("""UPDATE people SET "OutOfOfficeSource" = 3 WHERE "OutOfOfficeUntil" IS NOT NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutOfOfficeFrom",
                table: "people");

            migrationBuilder.DropColumn(
                name: "OutOfOfficeSource",
                table: "people");

            migrationBuilder.Sql("""UPDATE people SET "TimeZoneSource" = CASE WHEN "TimeZoneSource" = 3 THEN 1 ELSE 0 END;""");

            migrationBuilder.RenameColumn(
                name: "TimeZoneSource",
                table: "people",
                newName: "TimeZoneChosen");
        }
    }
}
