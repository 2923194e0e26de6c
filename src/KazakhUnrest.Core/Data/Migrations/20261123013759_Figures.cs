using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class Figures : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "article_figures",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                article_id = table.Column<long>(type: "bigint", nullable: false),
                measure = table.Column<string>(type: "text", nullable: false),
                low = table.Column<decimal>(type: "numeric", nullable: true),
                high = table.Column<decimal>(type: "numeric", nullable: true),
                qualifier = table.Column<string>(type: "text", nullable: true),
                vague = table.Column<string>(type: "text", nullable: true),
                unit = table.Column<string>(type: "text", nullable: false),
                change = table.Column<string>(type: "text", nullable: true),
                attributed_to = table.Column<string>(type: "text", nullable: true),
                attribution_text = table.Column<string>(type: "text", nullable: true),
                date = table.Column<DateOnly>(type: "date", nullable: true),
                sentence_start = table.Column<int>(type: "integer", nullable: false),
                sentence_length = table.Column<int>(type: "integer", nullable: false),
                sentence = table.Column<string>(type: "text", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_figures", x => x.id);
                table.ForeignKey(
                    name: "fk_article_figures_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_article_figures_article_id",
            table: "article_figures",
            column: "article_id");

        migrationBuilder.CreateIndex(
            name: "ix_article_figures_measure_date",
            table: "article_figures",
            columns: new[] { "measure", "date" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "article_figures");
    }
}
