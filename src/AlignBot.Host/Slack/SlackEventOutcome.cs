namespace AlignBot.Host.Slack;

/// <summary>What became of an Events API body: handled (or dropped on purpose), not understood, or Slack's URL check.</summary>
internal abstract record SlackEventOutcome
{
    public static SlackEventOutcome Done { get; } = new Handled();

    public static SlackEventOutcome Invalid { get; } = new NotUnderstood();

    public sealed record Handled : SlackEventOutcome;

    public sealed record NotUnderstood : SlackEventOutcome;

    public sealed record Challenge(string Value) : SlackEventOutcome;
}
