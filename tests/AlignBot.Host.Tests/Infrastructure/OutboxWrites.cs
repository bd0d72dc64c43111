using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>Writes outbox rows as a feature does: in a transaction of their own, committed.</summary>
internal static class OutboxWrites
{
    public static async Task<int> WriteAsync(IServiceProvider services, IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await scope.ServiceProvider.GetRequiredService<OutboxWriter>().AddAsync(messages, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}
