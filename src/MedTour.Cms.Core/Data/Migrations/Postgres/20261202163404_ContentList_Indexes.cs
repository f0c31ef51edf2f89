using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MedTour.Cms.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContentList_Indexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_List_Modified",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Id" },
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_List_Published",
                table: "ContentItems",
                columns: new[] { "PublishedUtc", "Id" },
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_List_Title",
                table: "ContentItems",
                columns: new[] { "DisplayText", "Id" },
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_List_TypeModified",
                table: "ContentItems",
                columns: new[] { "ContentType", "ModifiedUtc", "Id" },
                filter: "\"Latest\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_List_Modified",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_List_Published",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_List_Title",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_List_TypeModified",
                table: "ContentItems");
        }
    }
}
