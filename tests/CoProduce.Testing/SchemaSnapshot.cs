using System.Data.Common;
using CoProduce.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Testing;

/// <summary>
/// The structure of a database read from its catalog — tables, columns (type, nullability), primary
/// keys, foreign keys and indexes — as sorted lines that two databases can be compared by.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return db.Database.IsNpgsql() ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>The lines that describe none of <paramref name="tables"/>.</summary>
    public static IReadOnlyList<string> Without(IReadOnlyList<string> lines, IReadOnlyCollection<string> tables) =>
        lines.Where(line =>
        {
            var words = line.Split(' ', 3);
            var table = words.Length > 1 ? words[1].Split('.')[0] : "";
            return !tables.Contains(table);
        }).ToList();

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{DatabaseMigrator.HistoryTable}' ORDER BY name");
        foreach (var table in tables.Select(t => t[0]))
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
            {
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            }

            foreach (var fk in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                lines.Add($"fk {table}.{fk[1]} -> {fk[0]}.{fk[2]} on delete {fk[3]}");
            }

            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                // Auto-indexes (primary keys) are named by SQLite itself; describe them by columns.
                var name = index[2] == "c" ? index[0] : $"({index[2]})";
                lines.Add($"index {table} {name} unique={index[1]} ({string.Join(", ", columns.Select(c => c[0]))})");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, $"""
            SELECT table_name, column_name, data_type, COALESCE(character_maximum_length::text, ''), is_nullable, COALESCE(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> '{DatabaseMigrator.HistoryTable}'
            """))
        {
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} default={c[5]}");
        }

        foreach (var t in await QueryAsync(connection, $"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '{DatabaseMigrator.HistoryTable}'"))
        {
            lines.Add($"table {t[0]}");
        }

        foreach (var k in await QueryAsync(connection, $"""
            SELECT conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text <> '{DatabaseMigrator.HistoryTable}'
            """))
        {
            lines.Add($"constraint {k[0]} {k[1]} {k[2]} {k[3]}");
        }

        foreach (var i in await QueryAsync(connection, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '{DatabaseMigrator.HistoryTable}'"))
        {
            lines.Add($"index {i[0]} {i[1]} {i[2]}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}
