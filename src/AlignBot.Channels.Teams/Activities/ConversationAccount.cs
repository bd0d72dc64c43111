namespace AlignBot.Channels.Teams.Activities;

internal sealed record ConversationAccount(string? Id)
{
    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }
}
