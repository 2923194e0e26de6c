using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class Stories : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateSequence(
            name: "article_cluster_seq");

        migrationBuilder.AddColumn<long>(
            name: "cluster_seq",
            table: "articles",
            type: "bigint",
            nullable: true);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "clustered_at",
            table: "articles",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<long>(
            name: "duplicate_of_id",
            table: "articles",
            type: "bigint",
            nullable: true);

        migrationBuilder.AddColumn<double>(
            name: "duplicate_similarity",
            table: "articles",
            type: "double precision",
            nullable: true);

        migrationBuilder.AddColumn<bool>(
            name: "on_topic",
            table: "articles",
            type: "boolean",
            nullable: false,
            // Existing articles count as coverage until the story step scores them.
            defaultValue: true);

        migrationBuilder.AddColumn<bool>(
            name: "relevance_override",
            table: "articles",
            type: "boolean",
            nullable: true);

        migrationBuilder.AddColumn<List<string>>(
            name: "relevance_reasons",
            table: "articles",
            type: "text[]",
            nullable: false,
            defaultValueSql: "'{}'");

        migrationBuilder.AddColumn<double>(
            name: "relevance_score",
            table: "articles",
            type: "double precision",
            nullable: true);

        migrationBuilder.AddColumn<byte[]>(
            name: "signature",
            table: "articles",
            type: "bytea",
            nullable: true);

        migrationBuilder.AddColumn<long>(
            name: "story_id",
            table: "articles",
            type: "bigint",
            nullable: true);

        migrationBuilder.AddColumn<bool>(
            name: "story_pinned",
            table: "articles",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        migrationBuilder.CreateTable(
            name: "stories",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false),
                headline = table.Column<string>(type: "text", nullable: false),
                headline_article_id = table.Column<long>(type: "bigint", nullable: true),
                first_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                last_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                article_count = table.Column<int>(type: "integer", nullable: false),
                outlet_count = table.Column<int>(type: "integer", nullable: false),
                merged_into_id = table.Column<long>(type: "bigint", nullable: true),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stories", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "story_edits",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                story_id = table.Column<long>(type: "bigint", nullable: false),
                target_story_id = table.Column<long>(type: "bigint", nullable: false),
                article_ids = table.Column<List<long>>(type: "bigint[]", nullable: false),
                actor = table.Column<string>(type: "text", nullable: true),
                note = table.Column<string>(type: "text", nullable: true),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_story_edits", x => x.id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_articles_cluster_seq",
            table: "articles",
            column: "cluster_seq");

        migrationBuilder.CreateIndex(
            name: "ix_articles_duplicate_of_id",
            table: "articles",
            column: "duplicate_of_id");

        // The story step's queue: pending articles in the order it files them, so taking a batch never sorts the table.
        migrationBuilder.Sql("CREATE INDEX ix_articles_pending_stories ON articles ((coalesce(published_at, first_seen_at)), id) WHERE clustered_at IS NULL");

        migrationBuilder.CreateIndex(
            name: "ix_articles_story_id",
            table: "articles",
            column: "story_id");

        migrationBuilder.CreateIndex(
            name: "ix_stories_article_count",
            table: "stories",
            column: "article_count");

        migrationBuilder.CreateIndex(
            name: "ix_stories_last_published_at",
            table: "stories",
            column: "last_published_at");

        migrationBuilder.CreateIndex(
            name: "ix_story_edits_at",
            table: "story_edits",
            column: "at");

        migrationBuilder.AddForeignKey(
            name: "fk_articles_articles_duplicate_of_id",
            table: "articles",
            column: "duplicate_of_id",
            principalTable: "articles",
            principalColumn: "id",
            onDelete: ReferentialAction.SetNull);

        migrationBuilder.AddForeignKey(
            name: "fk_articles_stories_story_id",
            table: "articles",
            column: "story_id",
            principalTable: "stories",
            principalColumn: "id",
            onDelete: ReferentialAction.SetNull);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey(
            name: "fk_articles_articles_duplicate_of_id",
            table: "articles");

        migrationBuilder.DropForeignKey(
            name: "fk_articles_stories_story_id",
            table: "articles");

        migrationBuilder.DropTable(
            name: "stories");

        migrationBuilder.DropTable(
            name: "story_edits");

        migrationBuilder.DropIndex(
            name: "ix_articles_cluster_seq",
            table: "articles");

        migrationBuilder.DropIndex(
            name: "ix_articles_duplicate_of_id",
            table: "articles");

        migrationBuilder.Sql("DROP INDEX ix_articles_pending_stories");

        migrationBuilder.DropIndex(
            name: "ix_articles_story_id",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "cluster_seq",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "clustered_at",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "duplicate_of_id",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "duplicate_similarity",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "on_topic",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "relevance_override",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "relevance_reasons",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "relevance_score",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "signature",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "story_id",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "story_pinned",
            table: "articles");

        migrationBuilder.DropSequence(
            name: "article_cluster_seq");
    }
}
