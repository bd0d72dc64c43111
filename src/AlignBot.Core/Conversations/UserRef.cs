namespace AlignBot.Core.Conversations;

/// <summary>A person as a platform knows them.</summary>
public sealed record UserRef(
    Platform Platform,
    string UserId,
    string? AadObjectId = null,
    string? DisplayName = null);
