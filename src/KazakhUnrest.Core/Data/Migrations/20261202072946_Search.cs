using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class Search : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "saved_searches",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                query = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                owner_id = table.Column<string>(type: "text", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                last_visited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_saved_searches", x => x.id);
                table.ForeignKey(
                    name: "fk_saved_searches_accounts_owner_id",
                    column: x => x.owner_id,
                    principalTable: "accounts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_saved_searches_owner_id",
            table: "saved_searches",
            column: "owner_id");

        migrationBuilder.CreateIndex(
            name: "ix_saved_searches_token",
            table: "saved_searches",
            column: "token",
            unique: true);

        // Full-text search (issue 14). The document is kept by a trigger rather than by the pipeline so that every
        // writer (the pipeline's raw SQL, COPY in benchmarks, editors) keeps it current; the outlet's name is part of
        // it, which a generated column could not read. Kazakh-only letters are folded by translate(), which keeps
        // every character at its place, so a snippet computed on folded text maps back onto the original.
        migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION ku_english (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION ku_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
                CREATE TEXT SEARCH CONFIGURATION ku_russian (COPY = russian);
                ALTER TEXT SEARCH CONFIGURATION ku_russian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, russian_stem;
                CREATE TEXT SEARCH CONFIGURATION ku_simple (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION ku_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

                CREATE FUNCTION ku_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                RETURN translate(value, 'ӘәҒғҚқҢңӨөҰұҮүҺһІі', 'АаГгКкНнОоУуУуХхИи');

                CREATE FUNCTION ku_search_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN CASE lower(left(coalesce(language, ''), 2))
                    WHEN 'en' THEN 'ku_english'::regconfig
                    WHEN 'ru' THEN 'ku_russian'::regconfig
                    ELSE 'ku_simple'::regconfig END;

                -- One tsvector holds at most 1 MB; 300,000 characters of text stay well below it.
                CREATE FUNCTION ku_search_document(title text, body text, outlet text, byline text, language text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN setweight(to_tsvector(ku_search_config(language), ku_fold(coalesce(title, ''))), 'A')
                    || setweight(to_tsvector(ku_search_config(language), ku_fold(split_part(left(coalesce(body, ''), 300000), E'\n\n', 1))), 'B')
                    || setweight(to_tsvector(ku_search_config(language), ku_fold(substr(left(coalesce(body, ''), 300000),
                        length(split_part(left(coalesce(body, ''), 300000), E'\n\n', 1)) + 1))), 'C')
                    || setweight(to_tsvector('ku_simple', ku_fold(coalesce(outlet, '') || ' ' || coalesce(byline, ''))), 'D');

                ALTER TABLE articles ADD search_vector tsvector;

                CREATE FUNCTION articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.search_vector := ku_search_document(NEW.title, NEW.text, (SELECT name FROM outlets WHERE id = NEW.outlet_id), NEW.byline, NEW.language);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER articles_search_vector BEFORE INSERT OR UPDATE OF title, text, byline, language, outlet_id ON articles
                    FOR EACH ROW EXECUTE FUNCTION articles_search_vector();

                CREATE FUNCTION outlets_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE articles SET search_vector = ku_search_document(title, text, NEW.name, byline, language) WHERE outlet_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER outlets_search_vector AFTER UPDATE OF name ON outlets
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION outlets_search_vector();

                UPDATE articles a SET search_vector = ku_search_document(a.title, a.text, o.name, a.byline, a.language) FROM outlets o WHERE o.id = a.outlet_id;
                CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector);
                """);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {

        migrationBuilder.Sql("""
            DROP TRIGGER outlets_search_vector ON outlets;
            DROP FUNCTION outlets_search_vector();
            DROP TRIGGER articles_search_vector ON articles;
            DROP FUNCTION articles_search_vector();
            ALTER TABLE articles DROP COLUMN search_vector;
            DROP FUNCTION ku_search_document(text, text, text, text, text);
            DROP FUNCTION ku_search_config(text);
            DROP FUNCTION ku_fold(text);
            DROP TEXT SEARCH CONFIGURATION ku_simple;
            DROP TEXT SEARCH CONFIGURATION ku_russian;
            DROP TEXT SEARCH CONFIGURATION ku_english;
            """);
        migrationBuilder.DropTable(
            name: "saved_searches");
    }
}
