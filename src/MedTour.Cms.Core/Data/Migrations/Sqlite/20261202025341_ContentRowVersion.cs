using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedTour.Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentRowVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RowVersion",
                table: "ContentItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "ContentItems");
        }
    }
}
