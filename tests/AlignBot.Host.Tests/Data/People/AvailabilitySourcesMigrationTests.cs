using AlignBot.Core.Availability;
using AlignBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data.People;

/// <summary>The AvailabilitySources migration keeps what people already told AlignBot: a chosen zone and their "ooo".</summary>
public sealed class AvailabilitySourcesMigrationTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migrate_PeopleFromBefore_ChosenZoneIsThePersonsAndOtherZonesTheClients(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var services = StorageFixture.CreateServices(provider, connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Last(m => m.EndsWith("_StandupAudit", StringComparison.Ordinal));
        await migrator.MigrateAsync(before, cancellationToken);
        var (yes, no, seen) = provider == StorageProvider.Postgres ? ("true", "false", "now()") : ("1", "0", "0");
        var insert =
            $"""
            INSERT INTO people ("Platform", "UserId", "TenantId", "AadObjectId", "TimeZone", "TimeZoneChosen", "OutOfOfficeUntil", "FirstSeenAt", "LastSeenAt") VALUES
            (1, 'chose', 't', 'aad-chose', 'Asia/Tokyo', {yes}, '2026-12-24', {seen}, {seen}),
            (1, 'client', 't', 'aad-client', 'Europe/Berlin', {no}, NULL, {seen}, {seen}),
            (1, 'unknown', 't', NULL, NULL, {no}, NULL, {seen}, {seen})
            """;
        await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);                       // literals per provider, no input

        await migrator.MigrateAsync(cancellationToken: cancellationToken);

        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.UserId, cancellationToken);
        Assert.Equal(AvailabilitySource.Person, people["chose"].TimeZoneSource);
        Assert.Equal((new DateOnly(2026, 12, 24), AvailabilitySource.Person), (people["chose"].OutOfOfficeUntil, people["chose"].OutOfOfficeSource));
        Assert.Equal(AvailabilitySource.Client, people["client"].TimeZoneSource);
        Assert.Equal(AvailabilitySource.Unknown, people["client"].OutOfOfficeSource);
        Assert.Equal(AvailabilitySource.Unknown, people["unknown"].TimeZoneSource);
    }
}
