namespace AlignBot.Core.Standups;

/// <summary>Makes an expiring download link for a stand-up's answers as CSV.</summary>
public interface IStandupExportLinks
{
    Uri Create(Guid standupId, DateOnly from, DateOnly to);
}
