using Quartz;

namespace AlignBot.Host.Tests.Data.Scheduling;

/// <summary>A job that only reports that it ran: the scheduler's store, not the job, is under test.</summary>
internal sealed class ProbeJob(ProbeSignal signal) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        signal.Signal(context.Trigger.Key);
        return ValueTask.CompletedTask;
    }
}
