using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedTour.Cms.Data.Migrations.Postgres
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
                type: "character varying(64)",
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
