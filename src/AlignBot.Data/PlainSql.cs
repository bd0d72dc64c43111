using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AlignBot.Data;

/// <summary>
/// Plain SQL on a context's own connection and transaction, for the few statements that run for every inbound event
/// or every message sent, where EF's change tracking and update pipeline cost more CPU than the write itself. The SQL
/// is the dialect SQLite and PostgreSQL share (<c>INSERT … ON CONFLICT</c>, <c>RETURNING</c>); values go through
/// the model's converters, so a row written here reads back through EF exactly as if EF had written it.
/// </summary>
internal static class PlainSql
{
    /// <summary>A command on the context's connection, inside its current transaction when it has one.</summary>
    public static DbCommand Command(AlignBotDbContext db, string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        return command;
    }

    /// <summary>Adds a parameter; null is sent as SQL NULL.</summary>
    public static DbParameter Parameter(this DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// <paramref name="value"/> as the provider stores <typeparamref name="TEntity"/>'s <paramref name="property"/>:
    /// SQLite keeps instants as ticks, PostgreSQL as timestamptz; enums are numbers in both.
    /// </summary>
    public static object? Stored<TEntity>(AlignBotDbContext db, string property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var converter = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }

    /// <summary>
    /// Writes the columns of <paramref name="current"/> that differ from <paramref name="stored"/> (the row as read) to
    /// the row with the same "Id", as EF's change tracking would, and nothing when none differs: what another writer
    /// changed meanwhile in the other columns stays.
    /// </summary>
    public static async Task UpdateChangedAsync<TEntity>(AlignBotDbContext db, TEntity stored, TEntity current, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        await using var command = Command(db, "");
        var assignments = new List<string>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsPrimaryKey())
            {
                continue;
            }

            var getter = property.GetGetter();
            var value = getter.GetClrValue(current);
            if (Equals(getter.GetClrValue(stored), value))
            {
                continue;
            }

            var converter = property.GetTypeMapping().Converter;
            var name = "@p" + assignments.Count;
            command.Parameter(name, value is null || converter is null ? value : converter.ConvertToProvider(value));
            assignments.Add($"\"{property.GetColumnName()}\" = {name}");
        }

        if (assignments.Count == 0)
        {
            return;
        }

        var key = entity.FindPrimaryKey()!.Properties.Single();
        command.Parameter("@id", key.GetGetter().GetClrValue(current));
        command.CommandText = $"UPDATE {entity.GetTableName()} SET {string.Join(", ", assignments)} WHERE \"{key.GetColumnName()}\" = @id";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="statement"/> with the context's connection open: outside a transaction EF keeps the
    /// connection closed between commands, so it is opened for the call and closed after.
    /// </summary>
    public static async Task<T> OnOpenConnectionAsync<T>(AlignBotDbContext db, Func<Task<T>> statement, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await statement();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
