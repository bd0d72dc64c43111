using System.Data;
using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Conversations;

/// <summary>
/// Keeps what proactive messages need: the reference of every conversation the bot is in (saved on install,
/// refreshed on every event, removed on uninstall) and the people it has met, with their locale and time zone.
/// Works inside the caller's unit of work.
/// </summary>
internal sealed class ConversationCapture(AlignBotDbContext db, PeopleLinks links, TimeProvider clock)
{
    /// <summary>
    /// The member id (AAD object id) of the person the last captured event came from, when the platform does not say
    /// it but a link does (a Slack user linked to a member): features then see one member on every platform.
    /// </summary>
    public string? LinkedMemberId { get; private set; }

    /// <summary>The stored name of the person the last captured event came from (a linked member's name on Slack).</summary>
    public string? DisplayName { get; private set; }

    /// <returns>The directory object id of a person met for the first time (or whose id just became known), else null.</returns>
    public async Task<string?> CaptureAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reference = chatEvent.Conversation with { ConversationId = BaseConversationId(chatEvent.Conversation.ConversationId) };
        if (chatEvent is BotUninstalled)
        {
            await db.Conversations
                .Where(c => c.Platform == reference.Platform && c.ConversationId == reference.ConversationId)
                .ExecuteDeleteAsync(cancellationToken);
            if (reference.Kind == ConversationKind.Personal)
            {
                await db.People
                    .Where(p => p.Platform == reference.Platform && p.PersonalConversationId == reference.ConversationId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonalConversationId, (string?)null), cancellationToken);
            }
        }
        else if (chatEvent is not (MessageActionOpened or MessageActionSubmitted) || reference.Kind == ConversationKind.Personal)
        {
            // A message action works in chats and channels the bot is not a member of: only the person is kept from it.
            await UpsertConversationAsync(reference, now, cancellationToken);
        }

        return chatEvent.From is { } from ? await UpsertPersonAsync(chatEvent, from, reference, now, cancellationToken) : null;
    }

    /// <summary>
    /// One statement, as it runs for every event: what the event says of the conversation replaces what was stored,
    /// what it leaves out (a tenant, a service URL, a team, a name) is kept; nothing is written when nothing changes
    /// and the stored time is less than <see cref="Refresh"/> old.
    /// </summary>
    private async Task UpsertConversationAsync(ConversationRef reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var statement = PlainSql.Prepare(db, UpsertConversation);
        var command = statement.Command;
        command.Parameter("@platform", PlainSql.Stored<ConversationRecord>(db, nameof(ConversationRecord.Platform), reference.Platform));
        command.Parameter("@conversation", reference.ConversationId, DbType.String);
        command.Parameter("@tenant", reference.TenantId, DbType.String);
        command.Parameter("@kind", PlainSql.Stored<ConversationRecord>(db, nameof(ConversationRecord.Kind), reference.Kind));
        command.Parameter("@serviceUrl", reference.ServiceUrl, DbType.String);
        command.Parameter("@team", reference.TeamId, DbType.String);
        command.Parameter("@name", reference.Name, DbType.String);
        command.Parameter("@now", PlainSql.Stored<ConversationRecord>(db, nameof(ConversationRecord.UpdatedAt), now));
        command.Parameter("@stale", PlainSql.Stored<ConversationRecord>(db, nameof(ConversationRecord.UpdatedAt), now - Refresh));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string UpsertConversation = """
        INSERT INTO conversations ("Platform", "ConversationId", "TenantId", "Kind", "ServiceUrl", "TeamId", "Name", "InstalledAt", "UpdatedAt")
        VALUES (@platform, @conversation, @tenant, @kind, @serviceUrl, @team, @name, @now, @now)
        ON CONFLICT ("Platform", "ConversationId") DO UPDATE SET
            "TenantId" = CASE WHEN excluded."TenantId" <> '' THEN excluded."TenantId" ELSE conversations."TenantId" END,
            "Kind" = excluded."Kind",
            "ServiceUrl" = COALESCE(excluded."ServiceUrl", conversations."ServiceUrl"),
            "TeamId" = COALESCE(excluded."TeamId", conversations."TeamId"),
            "Name" = COALESCE(excluded."Name", conversations."Name"),
            "UpdatedAt" = excluded."UpdatedAt"
        WHERE conversations."UpdatedAt" < @stale
            OR conversations."Kind" <> excluded."Kind"
            OR (excluded."TenantId" <> '' AND excluded."TenantId" <> conversations."TenantId")
            OR (excluded."ServiceUrl" IS NOT NULL AND (conversations."ServiceUrl" IS NULL OR excluded."ServiceUrl" <> conversations."ServiceUrl"))
            OR (excluded."TeamId" IS NOT NULL AND (conversations."TeamId" IS NULL OR excluded."TeamId" <> conversations."TeamId"))
            OR (excluded."Name" IS NOT NULL AND (conversations."Name" IS NULL OR excluded."Name" <> conversations."Name"))
        """;

    /// <summary>
    /// How stale the stored "last seen" times of a conversation and a person may get: within it, an event that changes
    /// nothing else writes nothing (every write is a page in the database's log, and most events change nothing).
    /// </summary>
    internal static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    private async Task<string?> UpsertPersonAsync(ChatEvent chatEvent, UserRef from, ConversationRef reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read untracked and written back column by column: EF's change tracking cost more CPU than the update itself,
        // and this runs for every event.
        var stored = await PlainSql.ReadOneAsync<PersonRecord>(db, FindPerson, command =>
        {
            command.Parameter("@platform", PlainSql.Stored<PersonRecord>(db, nameof(PersonRecord.Platform), from.Platform));
            command.Parameter("@user", from.UserId, DbType.String);
        }, cancellationToken);
        var person = stored?.Copy() ?? new PersonRecord { Platform = from.Platform, UserId = from.UserId, FirstSeenAt = now };
        person.TenantId = reference.TenantId.Length > 0 ? reference.TenantId : person.TenantId;
        var newDirectoryId = from.AadObjectId is { } aad && person.AadObjectId != aad ? aad : null;
        person.AadObjectId = from.AadObjectId ?? person.AadObjectId;
        person.DisplayName = from.DisplayName ?? person.DisplayName;
        person.Email = from.Email ?? person.Email;
        person.Locale = chatEvent.Locale ?? person.Locale;
        if (chatEvent.TimeZone is { } clientZone && person.TimeZoneSource <= AvailabilitySource.Client)
        {
            person.TimeZone = clientZone;
            person.TimeZoneSource = AvailabilitySource.Client;
        }

        if (from.AadObjectId is null)
        {
            var wasLinked = person.AadObjectId is not null;
            LinkedMemberId = await links.ApplyAsync(person, cancellationToken);
            newDirectoryId ??= !wasLinked ? LinkedMemberId : null;
        }

        person.ServiceUrl = reference.ServiceUrl ?? person.ServiceUrl;
        if (reference.Kind == ConversationKind.Personal && chatEvent is not BotUninstalled)
        {
            person.PersonalConversationId = reference.ConversationId;
        }

        person.LastSeenAt = stored is not null && now - stored.LastSeenAt < Refresh ? stored.LastSeenAt : now;
        if (stored is null)
        {
            db.People.Add(person);
        }
        else
        {
            await PlainSql.UpdateChangedAsync(db, stored, person, cancellationToken);
        }

        DisplayName = person.DisplayName;
        return newDirectoryId;
    }

    private const string FindPerson = """ "Platform" = @platform AND "UserId" = @user""";

    /// <summary>The channel or chat itself, without the thread suffix of a channel reply (<c>;messageid=</c>).</summary>
    public static string BaseConversationId(string conversationId)
    {
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }
}
