using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlignBot.Data;

/// <summary>
/// Sets SQLite's per-connection pragmas on every connection EF opens: with write-ahead logging (switched on at
/// migration), <c>synchronous=NORMAL</c> is durable across application crashes and only a power cut can lose the
/// last commits, while each commit no longer waits for a disk flush — the outbox does two commits per message.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
