using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KyodoHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegistrySearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegistrantSkills_RegistrantId",
                table: "RegistrantSkills");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrantSkills_RegistrantId_TagId",
                table: "RegistrantSkills",
                columns: new[] { "RegistrantId", "TagId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegistrantSkills_RegistrantId_TagId",
                table: "RegistrantSkills");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrantSkills_RegistrantId",
                table: "RegistrantSkills",
                column: "RegistrantId");
        }
    }
}
