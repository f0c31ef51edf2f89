using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedTour.Cms.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class flow_SubmissionsConvertedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ConvertedUtc_CreatedUtc",
                table: "Submissions",
                columns: new[] { "ConvertedUtc", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_ConvertedUtc_CreatedUtc",
                table: "Submissions");
        }
    }
}
