using AlignBot.Channels.Teams.Activities;

namespace AlignBot.Channels.Teams.Connector;

/// <summary>One page of GET /v3/conversations/{id}/pagedmembers.</summary>
internal sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<TeamsMember> Members);
