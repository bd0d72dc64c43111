namespace AlignBot.Host.Organization;

/// <summary>A person by AAD object id, with a display name for reports until AlignBot meets them.</summary>
public sealed class MemberOptions
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }
}
