using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlignBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxPayloadsApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each row's message moves to a table of its own, keyed by the row's id; the row's key is left as it is.
            migrationBuilder.CreateTable(
                name: "outbox_payloads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_payloads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outbox_payloads_outbox_Id",
                        column: x => x.Id,
                        principalTable: "outbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""INSERT INTO outbox_payloads ("Id", "Payload") SELECT "Id", "Payload" FROM outbox""");

            migrationBuilder.DropColumn(
                name: "Payload",
                table: "outbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Payload",
                table: "outbox",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""UPDATE outbox SET "Payload" = (SELECT p."Payload" FROM outbox_payloads p WHERE p."Id" = outbox."Id")""");

            migrationBuilder.DropTable(
                name: "outbox_payloads");
        }
    }
}
