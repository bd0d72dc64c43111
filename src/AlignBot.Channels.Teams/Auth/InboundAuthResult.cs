using System.Security.Claims;

namespace AlignBot.Channels.Teams.Auth;

internal sealed record InboundAuthResult(bool Succeeded, string? Failure, ClaimsIdentity? Identity)
{
    public static InboundAuthResult Anonymous { get; } = new(true, null, null);

    public static InboundAuthResult Success(ClaimsIdentity identity) => new(true, null, identity);

    public static InboundAuthResult Fail(string reason) => new(false, reason, null);
}
