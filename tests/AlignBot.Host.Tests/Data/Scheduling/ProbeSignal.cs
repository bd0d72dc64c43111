using Quartz;

namespace AlignBot.Host.Tests.Data.Scheduling;

/// <summary>Completes when <see cref="ProbeJob"/> runs, so a test awaits the firing instead of sleeping.</summary>
internal sealed class ProbeSignal
{
    private readonly TaskCompletionSource<TriggerKey> _fired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The key of the trigger that fired the probe first.</summary>
    public Task<TriggerKey> Fired => _fired.Task;

    public void Signal(TriggerKey trigger) => _fired.TrySetResult(trigger);
}
