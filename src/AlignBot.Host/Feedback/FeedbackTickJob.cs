using AlignBot.Core.Feedback;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Home;
using AlignBot.Host.Outbox;
using Quartz;

namespace AlignBot.Host.Feedback;

/// <summary>Every minute: SLA reminders and escalations for open feedback items, in one transaction with their outbox rows (and the Slack homes of the people they reach, published again).</summary>
[DisallowConcurrentExecution]
internal sealed class FeedbackTickJob(CheckFeedbackSlas slas, OutboxWriter outbox, HomeRefresh homes, AlignBotDbContext db, WriteGate gate, OutboxSignal signal) : IJob
{
    public static readonly JobKey Key = new("feedback.tick", "alignbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = await slas.ExecuteAsync(cancellationToken);
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
