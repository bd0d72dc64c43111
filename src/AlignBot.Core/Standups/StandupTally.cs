namespace AlignBot.Core.Standups;

/// <summary>The day's counts the report's summary line shows.</summary>
public sealed record StandupTally(int Answered, int Skipped, int OutOfOffice, int Pending, int Late)
{
    public override string ToString() =>
        $"{Answered} answered" + (Late > 0 ? $" ({Late} late)" : "") + $" · {Skipped} skipped · {OutOfOffice} out of office · {Pending} pending";
}
