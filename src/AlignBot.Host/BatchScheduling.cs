using System.Globalization;
using System.Runtime.InteropServices;

namespace AlignBot.Host;

/// <summary>
/// On Linux, AlignBot's threads run under the kernel's batch policy (<c>SCHED_BATCH</c>): a thread that wakes up waits
/// for the running one to block or use up its time slice, instead of taking the CPU from it at once. The host is a
/// handful of threads handing work to each other: the socket thread reads a request and hands the event to the
/// database writer, the writer commits and hands the answers back. On one CPU every hand-over woke a thread that took
/// the CPU from the one doing the work, mid-batch; measured pinned to one core, the thread-pool workers were preempted
/// about once per message. Batched, the socket thread reads what has arrived when the writer waits, and the writer
/// commits what has queued when the socket thread waits: the same work in fewer, larger turns (25–50 % more inbound
/// messages a second in runs alternating the two, and a lower p99 at 500 requests a second).
/// </summary>
/// <remarks>
/// Only the order in which the host's runnable threads get a CPU changes, and no thread waits longer than a time slice
/// (milliseconds; a chat platform waits seconds). With several CPUs a woken thread mostly finds an idle one, so the
/// default is on when the process may use one CPU and off otherwise; <c>AlignBot:BatchScheduling</c> set to true or
/// false decides instead. Threads inherit the policy of the thread that starts them, so setting every thread the
/// process has at start covers the ones the runtime starts later.
/// </remarks>
internal static partial class BatchScheduling
{
    public const string Key = "AlignBot:BatchScheduling";

    /// <summary>Linux's <c>SCHED_BATCH</c> (sched.h).</summary>
    internal const int BatchPolicy = 3;

    /// <summary>Before the app is built; returns how many of the process's threads it set, or null when it is off.</summary>
    public static int? Apply(IConfiguration configuration)
    {
        if (!Enabled(configuration) || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var set = 0;
        var none = new SchedParam();
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                // A thread that has ended meanwhile, or a kernel that refuses, leaves that thread as it was.
                if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var thread)
                    && SetScheduler(thread, BatchPolicy, in none) == 0)
                {
                    set++;
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or IOException or UnauthorizedAccessException)
        {
            // A C library or /proc that is not the usual one: the host runs as it would with the setting off.
        }

        return set;
    }

    /// <summary><c>AlignBot:BatchScheduling</c> when set; otherwise on when the process may use one CPU.</summary>
    internal static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue(Key, Environment.ProcessorCount == 1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch scheduling on ({Key}): the host's {Threads} threads do not preempt each other when they wake up")]
    public static partial void Applied(ILogger logger, int threads, string key = Key);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int thread, int policy, in SchedParam parameters);
}
