using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kushiro.OpenData.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocalGovernments",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrefectureCode = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalGovernments", x => x.Code);
                    table.ForeignKey(
                        name: "FK_LocalGovernments_LocalGovernments_PrefectureCode",
                        column: x => x.PrefectureCode,
                        principalTable: "LocalGovernments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoreStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    SeedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AppBuild = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastModified = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", nullable: false),
                    EditorialLicence_CompatibleWith = table.Column<string>(type: "TEXT", nullable: true),
                    EditorialLicence_Name = table.Column<string>(type: "TEXT", nullable: false),
                    EditorialLicence_Url = table.Column<string>(type: "TEXT", nullable: false),
                    Licence_CompatibleWith = table.Column<string>(type: "TEXT", nullable: true),
                    Licence_Name = table.Column<string>(type: "TEXT", nullable: false),
                    Licence_Url = table.Column<string>(type: "TEXT", nullable: false),
                    SourceDocument_FileName = table.Column<string>(type: "TEXT", nullable: false),
                    SourceDocument_Publisher = table.Column<string>(type: "TEXT", nullable: false),
                    SourceDocument_Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    SourceDocument_Text = table.Column<string>(type: "TEXT", nullable: false),
                    SourceDocument_Title = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_LocalGovernments_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "LocalGovernments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlanId = table.Column<string>(type: "TEXT", nullable: false),
                    Marker = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GoalId = table.Column<string>(type: "TEXT", nullable: false),
                    Marker = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubMeasures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeasureId = table.Column<string>(type: "TEXT", nullable: false),
                    Marker = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    TitleAsExtracted = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionAsExtracted = table.Column<string>(type: "TEXT", nullable: true),
                    RelistingOfId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubMeasures_SubMeasures_RelistingOfId",
                        column: x => x.RelistingOfId,
                        principalTable: "SubMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Goals_PlanId",
                table: "Goals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_LocalGovernments_PrefectureCode",
                table: "LocalGovernments",
                column: "PrefectureCode");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_GoalId",
                table: "Measures",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_MunicipalityCode",
                table: "Plans",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_SubMeasures_MeasureId",
                table: "SubMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_SubMeasures_RelistingOfId",
                table: "SubMeasures",
                column: "RelistingOfId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoreStates");

            migrationBuilder.DropTable(
                name: "SubMeasures");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "LocalGovernments");
        }
    }
}
