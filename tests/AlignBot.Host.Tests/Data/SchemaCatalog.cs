using System.Data.Common;
using AlignBot.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AlignBot.Host.Tests.Data;

/// <summary>What a database's catalog says it holds, read straight from the provider, for schema assertions.</summary>
internal static class SchemaCatalog
{
    /// <summary>Every table in the database, lower-cased.</summary>
    public static async Task<IReadOnlySet<string>> TablesAsync(StorageProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        var sql = provider == StorageProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var rows = await QueryAsync(provider, connectionString, sql, cancellationToken);
        return rows.Select(r => r.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The Quartz tables' columns (name, type, nullability, default), indexes, triggers and constraints, one
    /// sorted line each, so two databases can be compared for the same Quartz schema.
    /// </summary>
    public static async Task<IReadOnlyList<string>> QuartzSchemaAsync(StorageProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        string[] queries = provider == StorageProvider.Postgres
            ?
            [
                """
                SELECT 'column|' || table_name || '|' || column_name || '|' || data_type || '|' || coalesce(character_maximum_length, 0)
                    || '|' || is_nullable || '|' || coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'qrtz\_%'
                """,
                """
                SELECT 'index|' || tablename || '|' || indexname || '|' || indexdef
                FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'qrtz\_%'
                """,
                """
                SELECT 'constraint|' || c.conrelid::regclass::text || '|' || c.conname || '|' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c WHERE c.connamespace = current_schema()::regnamespace AND c.conrelid::regclass::text LIKE 'qrtz\_%'
                """,
            ]
            :
            [
                """
                SELECT 'column|' || m.name || '|' || p.name || '|' || p.type || '|' || p."notnull" || '|' || coalesce(p.dflt_value, '') || '|' || p.pk
                FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p
                WHERE m.type = 'table' AND m.name LIKE 'QRTZ\_%' ESCAPE '\'
                """,
                """
                SELECT m.type || '|' || m.tbl_name || '|' || m.name
                FROM sqlite_master AS m WHERE m.type IN ('index', 'trigger') AND m.tbl_name LIKE 'QRTZ\_%' ESCAPE '\'
                """,
                """
                SELECT 'foreign key|' || m.name || '|' || f."table" || '|' || f."from" || '|' || f."to" || '|' || f.on_delete
                FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f
                WHERE m.type = 'table' AND m.name LIKE 'QRTZ\_%' ESCAPE '\'
                """,
            ];
        var lines = new List<string>();
        foreach (var sql in queries)
        {
            lines.AddRange(await QueryAsync(provider, connectionString, sql, cancellationToken));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> QueryAsync(StorageProvider provider, string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using DbConnection connection = provider == StorageProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
