using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class Quotes : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "article_framings",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                article_id = table.Column<long>(type: "bigint", nullable: false),
                term = table.Column<string>(type: "text", nullable: false),
                surface = table.Column<string>(type: "text", nullable: false),
                voice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                speaker_id = table.Column<string>(type: "text", nullable: true),
                speaker = table.Column<string>(type: "text", nullable: true),
                start = table.Column<int>(type: "integer", nullable: false),
                sentence_start = table.Column<int>(type: "integer", nullable: false),
                sentence_length = table.Column<int>(type: "integer", nullable: false),
                sentence = table.Column<string>(type: "text", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_framings", x => x.id);
                table.ForeignKey(
                    name: "fk_article_framings_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "article_quotes",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                article_id = table.Column<long>(type: "bigint", nullable: false),
                kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                text = table.Column<string>(type: "text", nullable: false),
                speaker_id = table.Column<string>(type: "text", nullable: true),
                speaker = table.Column<string>(type: "text", nullable: true),
                cue = table.Column<string>(type: "text", nullable: true),
                start = table.Column<int>(type: "integer", nullable: false),
                length = table.Column<int>(type: "integer", nullable: false),
                sentence_start = table.Column<int>(type: "integer", nullable: false),
                sentence_length = table.Column<int>(type: "integer", nullable: false),
                sentence = table.Column<string>(type: "text", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_article_quotes", x => x.id);
                table.ForeignKey(
                    name: "fk_article_quotes_articles_article_id",
                    column: x => x.article_id,
                    principalTable: "articles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_article_framings_article_id",
            table: "article_framings",
            column: "article_id");

        migrationBuilder.CreateIndex(
            name: "ix_article_framings_term_voice",
            table: "article_framings",
            columns: new[] { "term", "voice" });

        migrationBuilder.CreateIndex(
            name: "ix_article_quotes_article_id",
            table: "article_quotes",
            column: "article_id");

        migrationBuilder.CreateIndex(
            name: "ix_article_quotes_speaker_id",
            table: "article_quotes",
            column: "speaker_id");

        // Articles read by the events step before this migration have no quotes or framing: read them again.
        migrationBuilder.Sql("UPDATE articles SET events_at = NULL WHERE events_at IS NOT NULL");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "article_framings");

        migrationBuilder.DropTable(
            name: "article_quotes");
    }
}
