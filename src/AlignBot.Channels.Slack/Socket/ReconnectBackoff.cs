namespace AlignBot.Channels.Slack.Socket;

/// <summary>
/// How long to wait before the next Socket Mode connection after <c>failures</c> in a row: <see cref="Base"/> doubled
/// per failure up to <see cref="Max"/>, each wait scattered by ±20 % so that several instances dropped together by one
/// network blip don't all knock on Slack in the same second.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    public const double Jitter = 0.2;

    public static ReconnectBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Random.Shared);

    public TimeSpan Base => baseDelay;

    public TimeSpan Max => maxDelay;

    public TimeSpan Delay(int failures)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var scattered = capped * (1 + ((random.NextDouble() * 2) - 1) * Jitter);
        return TimeSpan.FromMilliseconds(scattered);
    }
}
