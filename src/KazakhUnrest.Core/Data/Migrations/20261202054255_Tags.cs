using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class Tags : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "tags",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                retired = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tags", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "article_tags",
            columns: table => new
            {
                tag_id = table.Column<int>(type: "integer", nullable: false),
                article_id = table.Column<long>(type: "bigint", nullable: false),
                added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_tags", x => new { x.tag_id, x.article_id });
                table.ForeignKey(
                    name: "fk_article_tags_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_article_tags_tags_tag_id",
                    column: x => x.tag_id,
                    principalTable: "tags",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "story_tags",
            columns: table => new
            {
                tag_id = table.Column<int>(type: "integer", nullable: false),
                article_id = table.Column<long>(type: "bigint", nullable: false),
                tagged_story_id = table.Column<long>(type: "bigint", nullable: false),
                added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_story_tags", x => new { x.tag_id, x.article_id });
                table.ForeignKey(
                    name: "fk_story_tags_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_story_tags_tags_tag_id",
                    column: x => x.tag_id,
                    principalTable: "tags",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_article_tags_article_id",
            table: "article_tags",
            column: "article_id");

        migrationBuilder.CreateIndex(
            name: "ix_story_tags_article_id",
            table: "story_tags",
            column: "article_id");

        migrationBuilder.CreateIndex(
            name: "ix_tags_name",
            table: "tags",
            column: "name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_tags_slug",
            table: "tags",
            column: "slug",
            unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "article_tags");

        migrationBuilder.DropTable(
            name: "story_tags");

        migrationBuilder.DropTable(
            name: "tags");
    }
}
