using AlignBot.Core.Standups;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Home;
using AlignBot.Host.Outbox;
using Quartz;

namespace AlignBot.Host.Standups;

/// <summary>
/// Every minute: start the stand-up prompts that are due in each member's own time zone and send the reminders
/// that are due, in one transaction with their outbox rows (and the Slack homes of the people they reach, published again).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StandupTickJob(StartDueStandups starter, SendStandupReminders reminders, OutboxWriter outbox, HomeRefresh homes, AlignBotDbContext db, WriteGate gate, OutboxSignal signal) : IJob
{
    public static readonly JobKey Key = new("standups.tick", "alignbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = (await starter.ExecuteAsync(cancellationToken)).Concat(await reminders.ExecuteAsync(cancellationToken)).ToList();
        var written = await outbox.AddAsync(messages, cancellationToken);
        written += await outbox.AddAsync(await homes.AfterAsync(messages, cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (written > 0)
        {
            signal.Notify();
        }

        return written;
    }
}
