using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfferAnswerLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfferAnswerLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferAnswerLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferAnswerLinks_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfferAnswerLinks_OfferId",
                table: "OfferAnswerLinks",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferAnswerLinks_TokenHash",
                table: "OfferAnswerLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfferAnswerLinks");
        }
    }
}
