namespace AlignBot.Core.People;

/// <summary>An organization member a platform identity is linked to, and why.</summary>
public sealed record LinkedMember(string MemberId, string Name, LinkSource Source);
