using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlignBot.Data;

/// <summary>The model on SQLite (the embedded default). Instants are stored as UTC ticks so they sort and compare in SQL.</summary>
internal sealed class SqliteAlignBotDbContext(DbContextOptions<SqliteAlignBotDbContext> options) : AlignBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
