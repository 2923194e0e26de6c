using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class EditorCorrectionsTimelineOutletsEntities : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<List<string>>(
            name: "edited_fields",
            table: "outlets",
            type: "text[]",
            nullable: false,
            defaultValueSql: "'{}'::text[]");

        migrationBuilder.AddColumn<uint>(
            name: "xmin",
            table: "outlets",
            type: "xid",
            rowVersion: true,
            nullable: false,
            defaultValue: 0u);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "removed_at",
            table: "entity_aliases",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "removed_by",
            table: "entity_aliases",
            type: "text",
            nullable: true);

        migrationBuilder.CreateTable(
            name: "hidden_timeline_entries",
            columns: table => new
            {
                key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                hidden_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_hidden_timeline_entries", x => x.key);
            });

        migrationBuilder.CreateTable(
            name: "timeline_milestones",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                date = table.Column<DateOnly>(type: "date", nullable: false),
                title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                article_ids = table.Column<List<long>>(type: "bigint[]", nullable: false),
                created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_timeline_milestones", x => x.id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_timeline_milestones_date",
            table: "timeline_milestones",
            column: "date");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "hidden_timeline_entries");

        migrationBuilder.DropTable(
            name: "timeline_milestones");

        migrationBuilder.DropColumn(
            name: "edited_fields",
            table: "outlets");

        migrationBuilder.DropColumn(
            name: "xmin",
            table: "outlets");

        migrationBuilder.DropColumn(
            name: "removed_at",
            table: "entity_aliases");

        migrationBuilder.DropColumn(
            name: "removed_by",
            table: "entity_aliases");
    }
}
