using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedTour.Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContainedRoutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContainedContentItemId",
                table: "Routes",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContainedContentItemId",
                table: "Routes");
        }
    }
}
