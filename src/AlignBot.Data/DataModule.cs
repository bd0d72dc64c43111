using AlignBot.Core.Availability;
using AlignBot.Core.People;
using AlignBot.Core.Organization;
using AlignBot.Core.Standups;
using AlignBot.Data.Conversations;
using AlignBot.Data.Organization;
using AlignBot.Data.Outbox;
using AlignBot.Data.People;
using AlignBot.Data.Standups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AlignBot.Data;

/// <summary>Registers the database: SQLite by default, PostgreSQL by connection string.</summary>
public static class DataModule
{
    /// <summary>The storage <see cref="AddAlignBotData"/> chose, for registrations that depend on it; null before it ran.</summary>
    public static StorageSelection? RegisteredStorage(this IServiceCollection services) =>
        services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<StorageSelection>().LastOrDefault();

    public static IServiceCollection AddAlignBotData(this IServiceCollection services, IConfiguration configuration)
    {
        var (provider, connectionString) = ResolveStorage(configuration);
        services.AddSingleton(new StorageSelection(provider, connectionString));
        if (provider == StorageProvider.Postgres)
        {
            services.AddDbContextPool<PostgresAlignBotDbContext>(o => o.UseNpgsql(connectionString));
            services.AddScoped<AlignBotDbContext>(sp => sp.GetRequiredService<PostgresAlignBotDbContext>());
            services.AddSingleton(_ => WriteGate.Open());
        }
        else
        {
            var pragmas = new SqlitePragmaInterceptor();
            services.AddDbContextPool<SqliteAlignBotDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(pragmas));
            // An inbound event runs in a scope of its own on the batch's connection (see InboundBatches); everything else
            // gets a pooled context of its own.
            services.AddScoped<BatchedContext>();
            services.AddScoped<AlignBotDbContext>(sp => sp.GetRequiredService<BatchedContext>().Context ?? sp.GetRequiredService<SqliteAlignBotDbContext>());
            services.AddSingleton(_ => WriteGate.SingleWriter());
            services.AddSingleton(sp => new InboundBatches(
                sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<WriteGate>(), connectionString, pragmas, sp.GetRequiredService<ILogger<InboundBatches>>()));
        }

        services.AddScoped<InboundDeduplicator>();
        services.AddScoped<Slack.SlackWorkspaceStore>();
        services.AddScoped<ConversationCapture>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<PeopleLinks>();
        services.AddScoped<IPeopleLinks>(sp => sp.GetRequiredService<PeopleLinks>());
        services.AddScoped<IAvailabilityStore, AvailabilityStore>();
        services.AddScoped<DatabaseMigrator>();
        services.TryAddSingleton(new OrganizationAdmins(new HashSet<string>()));
        services.AddScoped<RosterReader>();
        services.AddScoped<IOrganization, OrganizationStore>();
        services.AddScoped<IStandupStore, StandupStore>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<OrganizationWriter>();
        services.AddScoped<AlignBot.Core.Feedback.IFeedbackStore, Feedback.FeedbackStore>();
        return services;
    }

    /// <summary>The provider and connection string the configuration asks for; the SQLite file's folder is created.</summary>
    public static (StorageProvider Provider, string ConnectionString) ResolveStorage(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = StorageOptions.DefaultSqliteConnectionString;
        }

        var configured = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"];
        StorageProvider provider;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            provider = Enum.TryParse<StorageProvider>(configured, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : configured.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || configured.Equals("Npgsql", StringComparison.OrdinalIgnoreCase)
                    ? StorageProvider.Postgres
                    : throw new InvalidOperationException($"{StorageOptions.Section}:Provider must be Sqlite or Postgres; it is '{configured}'.");
        }
        else
        {
            provider = LooksLikePostgres(connectionString) ? StorageProvider.Postgres : StorageProvider.Sqlite;
        }

        if (provider == StorageProvider.Sqlite && SqliteFolder(connectionString) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return (provider, connectionString);
    }

    /// <summary>The folder of the SQLite file a connection string names; null for an in-memory database.</summary>
    public static string? SqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }

        return Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } folder ? folder : null;
    }

    private static bool LooksLikePostgres(string connectionString)
    {
        var lower = connectionString.ToLowerInvariant();
        return lower.StartsWith("postgres://", StringComparison.Ordinal) || lower.StartsWith("postgresql://", StringComparison.Ordinal)
            || ((lower.Contains("host=", StringComparison.Ordinal) || lower.Contains("server=", StringComparison.Ordinal))
                && !lower.Contains("data source=", StringComparison.Ordinal));
    }
}
