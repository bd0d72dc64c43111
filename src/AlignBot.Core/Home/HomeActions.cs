namespace AlignBot.Core.Home;

/// <summary>The home's buttons that are not another feature's (feedback and help have their own).</summary>
public static class HomeActions
{
    public const string MyQueue = "home.queue";
    public const string MyRequests = "home.requests";
}
