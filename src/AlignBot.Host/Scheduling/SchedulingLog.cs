namespace AlignBot.Host.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Housekeeping: forgot {Purged} old delivery ids, recovered {Recovered} abandoned outbox rows")]
    public static partial void Housekeeping(ILogger logger, int purged, int recovered);
}
