namespace AlignBot.Core.Conversations;

/// <summary>The chat platforms AlignBot speaks.</summary>
public enum Platform
{
    Teams = 1,
    Slack = 2,
}
