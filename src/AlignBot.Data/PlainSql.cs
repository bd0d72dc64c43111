using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlignBot.Data;

/// <summary>
/// Plain SQL on a context's own connection and transaction, for the few statements that run for every inbound event
/// or every message sent, where EF's change tracking and update pipeline cost more CPU than the write itself. The SQL
/// is the dialect SQLite and PostgreSQL share (<c>INSERT … ON CONFLICT</c>, <c>RETURNING</c>); values go through
/// the model's converters, so a row written here reads back through EF exactly as if EF had written it.
/// </summary>
internal static class PlainSql
{
    /// <summary>The statements kept prepared on each connection that stays open (<see cref="KeepPrepared"/>), by text.</summary>
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Prepared = [];

    /// <summary>
    /// Keeps the statements run on <paramref name="connection"/> prepared for as long as it stays open: SQLite parses
    /// and plans a statement again for every new command, which costs more than running the hot statements themselves.
    /// For a connection owned by one writer at a time (the SQLite batch connection); pooled connections close too soon.
    /// </summary>
    public static void KeepPrepared(DbConnection connection) => Prepared.AddOrUpdate(connection, new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    /// <summary>
    /// <paramref name="text"/> as a command on the context's connection, inside its current transaction when it has one,
    /// with no parameters yet: the statement prepared before on this connection when it keeps them
    /// (<see cref="KeepPrepared"/>), else a new command. Disposing the statement gives it back, or disposes the new one.
    /// </summary>
    public static Statement Prepare(AlignBotDbContext db, string text) =>
        Prepare(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), text);

    /// <inheritdoc cref="Prepare(AlignBotDbContext, string)"/>
    public static Statement Prepare(DbConnection connection, DbTransaction? transaction, string text)
    {
        var kept = Prepared.TryGetValue(connection, out var statements) ? statements : null;
        if (kept is null || !kept.Remove(text, out var command))
        {
            // The first time on this connection (or while the same statement is still reading, nested): a new command.
            command = connection.CreateCommand();
            command.CommandText = text;
        }

        command.Transaction = transaction;
        return new Statement(command, kept);
    }

    /// <summary>A command from <see cref="Prepare"/>; disposing it keeps it for the next use when its connection keeps statements.</summary>
    public readonly struct Statement(DbCommand command, Dictionary<string, DbCommand>? kept) : IAsyncDisposable
    {
        public DbCommand Command { get; } = command;

        public ValueTask DisposeAsync()
        {
            if (kept is null || !kept.TryAdd(Command.CommandText, Command))
            {
                return Command.DisposeAsync();
            }

            Command.Parameters.Clear();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// The one <typeparamref name="TEntity"/> row matching <paramref name="where"/> (SQL over the entity's column names,
    /// with the parameters <paramref name="parameters"/> adds), every mapped column read through the model's converters
    /// as EF would materialize it, untracked; null when none matches.
    /// </summary>
    public static async Task<TEntity?> ReadOneAsync<TEntity>(AlignBotDbContext db, string where, Action<DbCommand> parameters, CancellationToken cancellationToken)
        where TEntity : class, new()
    {
        var shape = Shapes.GetValue(db.Model, _ => new ConcurrentDictionary<Type, RowShape>()).GetOrAdd(typeof(TEntity), static (type, model) => new RowShape(model.FindEntityType(type)!), db.Model);
        return db.Database.GetDbConnection().State == ConnectionState.Open
            ? await ReadOneAsync<TEntity>(db, shape, where, parameters, cancellationToken)
            : await OnOpenConnectionAsync(db, () => ReadOneAsync<TEntity>(db, shape, where, parameters, cancellationToken), cancellationToken);
    }

    private static async Task<TEntity?> ReadOneAsync<TEntity>(AlignBotDbContext db, RowShape shape, string where, Action<DbCommand> parameters, CancellationToken cancellationToken)
        where TEntity : class, new()
    {
        await using var statement = Prepare(db, shape.Select(where));
        parameters(statement.Command);
        await using var reader = await statement.Command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = new TEntity();
        shape.Fill(reader, row);
        return await reader.ReadAsync(cancellationToken)
            ? throw new InvalidOperationException($"More than one {typeof(TEntity).Name} matches {where}.")
            : row;
    }

    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, RowShape>> Shapes = [];

    /// <summary>How an entity's row is read: its columns in order, each with the setter and converter of its property.</summary>
    private sealed class RowShape
    {
        private readonly string _select;
        private readonly (Action<object, object?> Setter, ValueConverter? Converter, Func<DbDataReader, int, object> Read)[] _columns;
        private readonly ConcurrentDictionary<string, string> _statements = new(StringComparer.Ordinal);

        public RowShape(IEntityType entity)
        {
            var properties = entity.GetProperties().ToList();
            if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            {
                throw new InvalidOperationException($"{entity.DisplayName()}.{shadow.Name} is a shadow property: its rows are read through EF.");
            }

            _select = $"SELECT {string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))} FROM {entity.GetTableName()}";
            _columns = [.. properties.Select(p =>
            {
                var converter = p.GetTypeMapping().Converter;
                var stored = converter?.ProviderClrType ?? p.ClrType;
                return (SetterOf(entity.ClrType, p.PropertyInfo!), converter, ReaderOf(Nullable.GetUnderlyingType(stored) ?? stored));
            })];
        }

        public string Select(string where) => _statements.GetOrAdd(where, static (w, select) => $"{select} WHERE {w}", _select);

        public void Fill(DbDataReader reader, object row)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (setter, converter, read) = _columns[i];
                object? value = null;
                if (!reader.IsDBNull(i))
                {
                    value = read(reader, i);
                    value = converter is null ? value : converter.ConvertFromProvider(value);
                }

                setter(row, value);
            }
        }

        private static Action<object, object?> SetterOf(Type entity, PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(object));
            var value = Expression.Parameter(typeof(object));
            var assign = Expression.Assign(Expression.Property(Expression.Convert(row, entity), property), Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<object, object?>>(assign, row, value).Compile();
        }

        private static Func<DbDataReader, int, object> ReaderOf(Type type) =>
            typeof(RowShape).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).CreateDelegate<Func<DbDataReader, int, object>>();

        private static object Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
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
        List<(string Column, object? Value)>? changed = null;
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
            (changed ??= []).Add((property.GetColumnName(), value is null || converter is null ? value : converter.ConvertToProvider(value)));
        }

        if (changed is null)
        {
            return;
        }

        var key = entity.FindPrimaryKey()!.Properties.Single();
        var assignments = string.Join(", ", changed.Select((c, i) => $"\"{c.Column}\" = @p{i}"));
        await using var statement = Prepare(db, $"UPDATE {entity.GetTableName()} SET {assignments} WHERE \"{key.GetColumnName()}\" = @id");
        for (var i = 0; i < changed.Count; i++)
        {
            statement.Command.Parameter("@p" + i, changed[i].Value);
        }

        statement.Command.Parameter("@id", key.GetGetter().GetClrValue(current));
        await statement.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="statement"/> with the context's connection open: outside a transaction EF keeps the
    /// connection closed between commands, so it is opened for the call and closed after. One already open (in a
    /// transaction, on the SQLite writer's batch connection) is used as it is.
    /// </summary>
    public static async Task<T> OnOpenConnectionAsync<T>(AlignBotDbContext db, Func<Task<T>> statement, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State == ConnectionState.Open)
        {
            return await statement();
        }

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
