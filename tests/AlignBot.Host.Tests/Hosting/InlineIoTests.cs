using AlignBot.Data;
using Microsoft.Extensions.Configuration;

namespace AlignBot.Host.Tests.Hosting;

/// <summary>Inline network I/O: on by default with SQLite, off with PostgreSQL (whose sockets a synchronous read could stall), as configured when set.</summary>
public sealed class InlineIoTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite, null, true)]
    [InlineData(StorageProvider.Postgres, null, false)]
    [InlineData(StorageProvider.Sqlite, "false", false)]
    [InlineData(StorageProvider.Postgres, "true", true)]
    public void Enabled_ByStorageUnlessConfigured(StorageProvider storage, string? configured, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new KeyValuePair<string, string?>(InlineIo.Key, configured)])
            .Build();

        Assert.Equal(expected, InlineIo.Enabled(configuration, storage));
    }
}
