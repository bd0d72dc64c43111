using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AlignBot.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAlignBotDbContext>
{
    public PostgresAlignBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAlignBotDbContext>().UseNpgsql("Host=localhost;Database=alignbot").Options);
}
