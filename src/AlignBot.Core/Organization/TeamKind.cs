namespace AlignBot.Core.Organization;

public enum TeamKind
{
    Other = 0,
    Sales = 1,
    Marketing = 2,
}
