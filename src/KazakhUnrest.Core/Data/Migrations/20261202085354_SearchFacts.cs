using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class SearchFacts : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "ix_articles_search_facts",
            table: "articles",
            column: "id")
            .Annotation("Npgsql:IndexInclude", new[] { "on_topic", "outlet_id", "language", "published_at", "inferred_published_on", "first_seen_at", "duplicate_of_id", "story_id" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(
            name: "ix_articles_search_facts",
            table: "articles");
    }
}
