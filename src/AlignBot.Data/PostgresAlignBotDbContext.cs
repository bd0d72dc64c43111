using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data;

/// <summary>The model on PostgreSQL (production, several instances). Instants are <c>timestamptz</c> in UTC.</summary>
internal sealed class PostgresAlignBotDbContext(DbContextOptions<PostgresAlignBotDbContext> options) : AlignBotDbContext(options);
