using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kushiro.OpenData.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangesByResource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Changes_ResourceType_ResourceId_Sequence",
                table: "Changes",
                columns: new[] { "ResourceType", "ResourceId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Changes_ResourceType_ResourceId_Sequence",
                table: "Changes");
        }
    }
}
