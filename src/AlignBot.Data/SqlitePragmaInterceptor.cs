using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlignBot.Data;

/// <summary>
/// Sets SQLite's per-connection pragmas on every connection EF opens: with write-ahead logging (switched on at
/// migration), <c>synchronous=NORMAL</c> is durable across application crashes and only a power cut can lose the
/// last commits, while each commit no longer waits for a disk flush — the outbox does two commits per message.
/// Pragmas belong to the database handle, which the driver's pool keeps open across a connection's open and close:
/// each handle is set up once, not on every open (every inbound message opens one).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Configured(connection))
        {
            Apply(connection);
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Configured(connection))
        {
            return;
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Remember(connection);
    }

    private bool Configured(DbConnection connection) =>
        (connection as SqliteConnection)?.Handle is { } handle && _configured.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if ((connection as SqliteConnection)?.Handle is { } handle)
        {
            _configured.TryAdd(handle, handle);
        }
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
