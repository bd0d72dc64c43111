using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AvailabilitySources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TimeZoneSource",
                table: "people",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A chosen zone was the person's; any other known zone came from the chat client.
            migrationBuilder.Sql("""UPDATE people SET "TimeZoneSource" = CASE WHEN "TimeZoneChosen" THEN 3 WHEN "TimeZone" IS NOT NULL THEN 1 ELSE 0 END;""");

            migrationBuilder.DropColumn(
                name: "TimeZoneChosen",
                table: "people");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OutOfOfficeFrom",
                table: "people",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OutOfOfficeSource",
                table: "people",
                type: "integer",
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

            migrationBuilder.AddColumn<bool>(
                name: "TimeZoneChosen",
                table: "people",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE people SET "TimeZoneChosen" = "TimeZoneSource" = 3;""");

            migrationBuilder.DropColumn(
                name: "TimeZoneSource",
                table: "people");
        }
    }
}
