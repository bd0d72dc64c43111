namespace AlignBot.Channels.Teams.Activities;

/// <summary>An attachment of an outgoing activity; <see cref="Content"/> is a card (written as its kept JSON) or any JSON value.</summary>
internal sealed record Attachment(string ContentType, object? Content);
