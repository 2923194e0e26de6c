using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class Entities : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "events_at",
            table: "articles",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<DateOnly>(
            name: "inferred_published_on",
            table: "articles",
            type: "date",
            nullable: true);

        migrationBuilder.CreateTable(
            name: "article_days",
            columns: table => new
            {
                date = table.Column<DateOnly>(type: "date", nullable: false),
                kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                articles = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_days", x => new { x.date, x.kind });
            });

        migrationBuilder.CreateTable(
            name: "entities",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                from_gazetteer = table.Column<bool>(type: "boolean", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_entities", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "entity_candidates",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(type: "text", nullable: false),
                kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                cue = table.Column<string>(type: "text", nullable: false),
                mentions = table.Column<int>(type: "integer", nullable: false),
                first_article_id = table.Column<long>(type: "bigint", nullable: false),
                first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                entity_id = table.Column<string>(type: "text", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_entity_candidates", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "timeline_entries",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                kind = table.Column<string>(type: "text", nullable: false),
                date = table.Column<DateOnly>(type: "date", nullable: false),
                days = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                conflict = table.Column<bool>(type: "boolean", nullable: false),
                day_outlets = table.Column<List<string>>(type: "text[]", nullable: false),
                summary = table.Column<string>(type: "text", nullable: false),
                actors = table.Column<List<string>>(type: "text[]", nullable: false),
                places = table.Column<List<string>>(type: "text[]", nullable: false),
                entities = table.Column<List<string>>(type: "text[]", nullable: false),
                source_count = table.Column<int>(type: "integer", nullable: false),
                key = table.Column<string>(type: "text", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_timeline_entries", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "article_entities",
            columns: table => new
            {
                article_id = table.Column<long>(type: "bigint", nullable: false),
                entity_id = table.Column<string>(type: "character varying(120)", nullable: false),
                mentions = table.Column<int>(type: "integer", nullable: false),
                first_start = table.Column<int>(type: "integer", nullable: false),
                first_length = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_entities", x => new { x.article_id, x.entity_id });
                table.ForeignKey(
                    name: "fk_article_entities_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_article_entities_entities_entity_id",
                    column: x => x.entity_id,
                    principalTable: "entities",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "entity_aliases",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                entity_id = table.Column<string>(type: "character varying(120)", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                is_description = table.Column<bool>(type: "boolean", nullable: false),
                added_by = table.Column<string>(type: "text", nullable: true),
                added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_entity_aliases", x => x.id);
                table.ForeignKey(
                    name: "fk_entity_aliases_entities_entity_id",
                    column: x => x.entity_id,
                    principalTable: "entities",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "article_events",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                article_id = table.Column<long>(type: "bigint", nullable: false),
                kind = table.Column<string>(type: "text", nullable: false),
                date = table.Column<DateOnly>(type: "date", nullable: false),
                end_date = table.Column<DateOnly>(type: "date", nullable: false),
                precision = table.Column<string>(type: "text", nullable: false),
                part_of_day = table.Column<string>(type: "text", nullable: true),
                date_inferred = table.Column<bool>(type: "boolean", nullable: false),
                date_text = table.Column<string>(type: "text", nullable: false),
                sentence_start = table.Column<int>(type: "integer", nullable: false),
                sentence_length = table.Column<int>(type: "integer", nullable: false),
                sentence = table.Column<string>(type: "text", nullable: false),
                actors = table.Column<List<string>>(type: "text[]", nullable: false),
                places = table.Column<List<string>>(type: "text[]", nullable: false),
                timeline_entry_id = table.Column<long>(type: "bigint", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_events", x => x.id);
                table.ForeignKey(
                    name: "fk_article_events_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_article_events_timeline_entries_timeline_entry_id",
                    column: x => x.timeline_entry_id,
                    principalTable: "timeline_entries",
                    principalColumn: "id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex(
            name: "ix_article_entities_entity_id",
            table: "article_entities",
            column: "entity_id");

        migrationBuilder.CreateIndex(
            name: "ix_article_events_article_id",
            table: "article_events",
            column: "article_id");

        migrationBuilder.CreateIndex(
            name: "ix_article_events_kind_date",
            table: "article_events",
            columns: new[] { "kind", "date" });

        migrationBuilder.CreateIndex(
            name: "ix_article_events_timeline_entry_id_date_id",
            table: "article_events",
            columns: new[] { "timeline_entry_id", "date", "id" });

        migrationBuilder.CreateIndex(
            name: "ix_entities_kind",
            table: "entities",
            column: "kind");

        migrationBuilder.CreateIndex(
            name: "ix_entity_aliases_entity_id_name",
            table: "entity_aliases",
            columns: new[] { "entity_id", "name" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_entity_candidates_name",
            table: "entity_candidates",
            column: "name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_entity_candidates_status_mentions",
            table: "entity_candidates",
            columns: new[] { "status", "mentions" });

        migrationBuilder.CreateIndex(
            name: "ix_timeline_entries_date",
            table: "timeline_entries",
            column: "date");

        migrationBuilder.CreateIndex(
            name: "ix_timeline_entries_entities",
            table: "timeline_entries",
            column: "entities")
            .Annotation("Npgsql:IndexMethod", "gin");

        migrationBuilder.CreateIndex(
            name: "ix_timeline_entries_key",
            table: "timeline_entries",
            column: "key",
            unique: true);

        // The events step's queue: filed articles it has not read yet, in id order.
        migrationBuilder.Sql("CREATE INDEX ix_articles_pending_events ON articles (id) WHERE events_at IS NULL AND clustered_at IS NOT NULL");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP INDEX ix_articles_pending_events");

        migrationBuilder.DropTable(
            name: "article_days");

        migrationBuilder.DropTable(
            name: "article_entities");

        migrationBuilder.DropTable(
            name: "article_events");

        migrationBuilder.DropTable(
            name: "entity_aliases");

        migrationBuilder.DropTable(
            name: "entity_candidates");

        migrationBuilder.DropTable(
            name: "timeline_entries");

        migrationBuilder.DropTable(
            name: "entities");

        migrationBuilder.DropColumn(
            name: "events_at",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "inferred_published_on",
            table: "articles");
    }
}
