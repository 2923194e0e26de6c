using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class Initial : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "outlets",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                homepage = table.Column<string>(type: "text", nullable: true),
                country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                description = table.Column<string>(type: "text", nullable: true),
                is_sample = table.Column<bool>(type: "boolean", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_outlets", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "sources",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                location = table.Column<string>(type: "text", nullable: false),
                outlet_id = table.Column<int>(type: "integer", nullable: true),
                enabled = table.Column<bool>(type: "boolean", nullable: false),
                e_tag = table.Column<string>(type: "text", nullable: true),
                last_modified = table.Column<string>(type: "text", nullable: true),
                next_check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                consecutive_errors = table.Column<int>(type: "integer", nullable: false),
                last_error = table.Column<string>(type: "text", nullable: true),
                last_error_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_new_count = table.Column<int>(type: "integer", nullable: false),
                last_updated_count = table.Column<int>(type: "integer", nullable: false),
                last_unchanged_count = table.Column<int>(type: "integer", nullable: false),
                leased_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                leased_by = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_sources", x => x.id);
                table.ForeignKey(
                    name: "fk_sources_outlets_outlet_id",
                    column: x => x.outlet_id,
                    principalTable: "outlets",
                    principalColumn: "id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "captures",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                url = table.Column<string>(type: "text", nullable: false),
                origin = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                origin_detail = table.Column<string>(type: "text", nullable: true),
                source_id = table.Column<int>(type: "integer", nullable: true),
                fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                status_code = table.Column<int>(type: "integer", nullable: true),
                content_type = table.Column<string>(type: "text", nullable: true),
                charset = table.Column<string>(type: "text", nullable: true),
                content_hash = table.Column<string>(type: "text", nullable: false),
                length = table.Column<long>(type: "bigint", nullable: false),
                compressed = table.Column<byte[]>(type: "bytea", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_captures", x => x.id);
                table.ForeignKey(
                    name: "fk_captures_sources_source_id",
                    column: x => x.source_id,
                    principalTable: "sources",
                    principalColumn: "id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "articles",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                canonical_url = table.Column<string>(type: "text", nullable: false),
                segment = table.Column<int>(type: "integer", nullable: false),
                outlet_id = table.Column<int>(type: "integer", nullable: false),
                title = table.Column<string>(type: "text", nullable: false),
                byline = table.Column<string>(type: "text", nullable: true),
                dateline = table.Column<string>(type: "text", nullable: true),
                language = table.Column<string>(type: "text", nullable: true),
                text = table.Column<string>(type: "text", nullable: false),
                published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                published_inferred = table.Column<bool>(type: "boolean", nullable: false),
                modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                content_hash = table.Column<string>(type: "text", nullable: false),
                revision = table.Column<int>(type: "integer", nullable: false),
                capture_id = table.Column<long>(type: "bigint", nullable: true),
                is_sample = table.Column<bool>(type: "boolean", nullable: false),
                xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                body = table.Column<string>(type: "jsonb", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_articles", x => x.id);
                table.ForeignKey(
                    name: "fk_articles_captures_capture_id",
                    column: x => x.capture_id,
                    principalTable: "captures",
                    principalColumn: "id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "fk_articles_outlets_outlet_id",
                    column: x => x.outlet_id,
                    principalTable: "outlets",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "article_revisions",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                article_id = table.Column<long>(type: "bigint", nullable: false),
                revision = table.Column<int>(type: "integer", nullable: false),
                title = table.Column<string>(type: "text", nullable: false),
                text = table.Column<string>(type: "text", nullable: false),
                content_hash = table.Column<string>(type: "text", nullable: false),
                published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                capture_id = table.Column<long>(type: "bigint", nullable: true),
                replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                body = table.Column<string>(type: "jsonb", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_revisions", x => x.id);
                table.ForeignKey(
                    name: "fk_article_revisions_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_article_revisions_article_id_revision",
            table: "article_revisions",
            columns: new[] { "article_id", "revision" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_articles_canonical_url_segment",
            table: "articles",
            columns: new[] { "canonical_url", "segment" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_articles_capture_id",
            table: "articles",
            column: "capture_id");

        migrationBuilder.CreateIndex(
            name: "ix_articles_content_hash",
            table: "articles",
            column: "content_hash");

        migrationBuilder.CreateIndex(
            name: "ix_articles_first_seen_at",
            table: "articles",
            column: "first_seen_at");

        migrationBuilder.CreateIndex(
            name: "ix_articles_outlet_id",
            table: "articles",
            column: "outlet_id");

        migrationBuilder.CreateIndex(
            name: "ix_articles_published_at",
            table: "articles",
            column: "published_at");

        migrationBuilder.CreateIndex(
            name: "ix_captures_source_id",
            table: "captures",
            column: "source_id");

        migrationBuilder.CreateIndex(
            name: "ix_captures_url_content_hash",
            table: "captures",
            columns: new[] { "url", "content_hash" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_outlets_slug",
            table: "outlets",
            column: "slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_sources_name",
            table: "sources",
            column: "name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_sources_next_check_at",
            table: "sources",
            column: "next_check_at");

        migrationBuilder.CreateIndex(
            name: "ix_sources_outlet_id",
            table: "sources",
            column: "outlet_id");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "article_revisions");

        migrationBuilder.DropTable(
            name: "articles");

        migrationBuilder.DropTable(
            name: "captures");

        migrationBuilder.DropTable(
            name: "sources");

        migrationBuilder.DropTable(
            name: "outlets");
    }
}
