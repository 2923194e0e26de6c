using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class AuditLog : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                actor_id = table.Column<string>(type: "text", nullable: false),
                actor_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                object_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                object_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                before = table.Column<string>(type: "jsonb", nullable: true),
                after = table.Column<string>(type: "jsonb", nullable: true),
                reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                count = table.Column<int>(type: "integer", nullable: false),
                article_ids = table.Column<List<long>>(type: "bigint[]", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audit_entries", x => x.id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_actor_id",
            table: "audit_entries",
            column: "actor_id");

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_article_ids",
            table: "audit_entries",
            column: "article_ids")
            .Annotation("Npgsql:IndexMethod", "gin");

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_at",
            table: "audit_entries",
            column: "at");

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_object_type_object_id",
            table: "audit_entries",
            columns: new[] { "object_type", "object_id" });

        // The log is evidence: the database itself refuses to change or remove an entry, whatever code runs.
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP;
            END $$;
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
            """);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries; DROP FUNCTION IF EXISTS audit_entries_append_only();");
        migrationBuilder.DropTable(
            name: "audit_entries");
    }
}
