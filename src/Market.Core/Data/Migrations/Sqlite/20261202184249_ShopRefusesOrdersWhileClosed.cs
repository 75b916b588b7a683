using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Market.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShopRefusesOrdersWhileClosed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RefusesOrdersWhileClosed",
                table: "Shops",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefusesOrdersWhileClosed",
                table: "Shops");
        }
    }
}
