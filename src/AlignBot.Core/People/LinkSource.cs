namespace AlignBot.Core.People;

/// <summary>Why AlignBot holds a platform identity to be an organization member: never a display name.</summary>
public enum LinkSource
{
    /// <summary>The member's <c>SlackUserId</c> in configuration.</summary>
    Configuration = 1,

    /// <summary>The platform's verified email equals the member's email.</summary>
    Email = 2,

    /// <summary>An admin linked them with <c>link</c>.</summary>
    Admin = 3,
}
