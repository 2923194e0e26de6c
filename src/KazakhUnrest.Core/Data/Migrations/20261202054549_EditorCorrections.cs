using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KazakhUnrest.Core.Data.Migrations;

/// <inheritdoc />
public partial class EditorCorrections : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(
            name: "edit_version",
            table: "stories",
            type: "integer",
            nullable: false,
            defaultValue: 0);

        migrationBuilder.AddColumn<int>(
            name: "edit_version",
            table: "articles",
            type: "integer",
            nullable: false,
            defaultValue: 0);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "machine_published_at",
            table: "articles",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "published_at_by_editor",
            table: "articles",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "published_at_edit_reason",
            table: "articles",
            type: "character varying(500)",
            maxLength: 500,
            nullable: true);

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "published_at_edited_at",
            table: "articles",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "published_at_edited_by",
            table: "articles",
            type: "character varying(256)",
            maxLength: 256,
            nullable: true);

        // Until now the date read everywhere was the machine's; no editor has corrected one yet.
        migrationBuilder.Sql("UPDATE articles SET machine_published_at = published_at WHERE published_at IS NOT NULL;");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "edit_version",
            table: "stories");

        migrationBuilder.DropColumn(
            name: "edit_version",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "machine_published_at",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "published_at_by_editor",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "published_at_edit_reason",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "published_at_edited_at",
            table: "articles");

        migrationBuilder.DropColumn(
            name: "published_at_edited_by",
            table: "articles");
    }
}
