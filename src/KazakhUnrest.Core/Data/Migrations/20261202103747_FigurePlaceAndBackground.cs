using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class FigurePlaceAndBackground : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(
            name: "background",
            table: "article_figures",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<string>(
            name: "place",
            table: "article_figures",
            type: "text",
            nullable: true);

        // The value before a change was the only background figure stored so far; the tracker now reads the flag alone.
        migrationBuilder.Sql("UPDATE article_figures SET background = true WHERE change = 'from';");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "background",
            table: "article_figures");

        migrationBuilder.DropColumn(
            name: "place",
            table: "article_figures");
    }
}
