using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class CaptureCuts : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "cuts",
            table: "captures",
            type: "text",
            nullable: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "cuts",
            table: "captures");
    }
}
