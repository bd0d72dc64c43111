using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AlignBot.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAlignBotDbContext>
{
    public SqliteAlignBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAlignBotDbContext>().UseSqlite(StorageOptions.DefaultSqliteConnectionString).Options);
}
