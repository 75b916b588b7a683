using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Market.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarketDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MarketDayId",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MarketLimits",
                columns: table => new
                {
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxDaysPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxConsecutiveDays = table.Column<int>(type: "INTEGER", nullable: false),
                    StallFee = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketLimits", x => x.MunicipalityId);
                    table.ForeignKey(
                        name: "FK_MarketLimits_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicSpaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    StreetUse = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StreetOpens = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    StreetCloses = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicSpaces", x => x.Id);
                    table.CheckConstraint("CK_PublicSpaces_Capacity", "\"Capacity\" >= 1");
                    table.ForeignKey(
                        name: "FK_PublicSpaces_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MarketSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicSpaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketSeries_PublicSpaces_PublicSpaceId",
                        column: x => x.PublicSpaceId,
                        principalTable: "PublicSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MarketDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicSpaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChangeReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    MovedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketDays_MarketSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "MarketSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MarketDays_PublicSpaces_PublicSpaceId",
                        column: x => x.PublicSpaceId,
                        principalTable: "PublicSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StallApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MarketDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShopId = table.Column<int>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StallNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WaitListedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Fee = table.Column<long>(type: "INTEGER", nullable: false),
                    FeePaidAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StallApplications", x => x.Id);
                    table.CheckConstraint("CK_StallApplications_Stall", "\"StallNumber\" IS NULL OR \"StallNumber\" >= 1");
                    table.ForeignKey(
                        name: "FK_StallApplications_MarketDays_MarketDayId",
                        column: x => x.MarketDayId,
                        principalTable: "MarketDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StallApplications_MarketSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "MarketSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StallApplications_Shops_ShopId",
                        column: x => x.ShopId,
                        principalTable: "Shops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_MarketDayId",
                table: "Orders",
                column: "MarketDayId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketDays_PublicSpaceId_Date",
                table: "MarketDays",
                columns: new[] { "PublicSpaceId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketDays_SeriesId",
                table: "MarketDays",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketDays_StartsAt_Status",
                table: "MarketDays",
                columns: new[] { "StartsAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketSeries_PublicSpaceId",
                table: "MarketSeries",
                column: "PublicSpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicSpaces_MunicipalityId_Name",
                table: "PublicSpaces",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StallApplications_MarketDayId_ShopId",
                table: "StallApplications",
                columns: new[] { "MarketDayId", "ShopId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StallApplications_MarketDayId_StallNumber",
                table: "StallApplications",
                columns: new[] { "MarketDayId", "StallNumber" },
                unique: true,
                filter: "\"StallNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StallApplications_SeriesId",
                table: "StallApplications",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_StallApplications_ShopId_Status",
                table: "StallApplications",
                columns: new[] { "ShopId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_MarketDays_MarketDayId",
                table: "Orders",
                column: "MarketDayId",
                principalTable: "MarketDays",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Orders_MarketDays_MarketDayId",
                table: "Orders");

            migrationBuilder.DropTable(
                name: "MarketLimits");

            migrationBuilder.DropTable(
                name: "StallApplications");

            migrationBuilder.DropTable(
                name: "MarketDays");

            migrationBuilder.DropTable(
                name: "MarketSeries");

            migrationBuilder.DropTable(
                name: "PublicSpaces");

            migrationBuilder.DropIndex(
                name: "IX_Orders_MarketDayId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "MarketDayId",
                table: "Orders");
        }
    }
}
