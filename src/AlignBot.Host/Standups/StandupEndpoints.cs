using System.Text;
using AlignBot.Core.Standups;

namespace AlignBot.Host.Standups;

/// <summary><c>GET /standups/export?token=…</c>: the CSV behind an export link; a bad or expired token gets 401.</summary>
internal static class StandupEndpoints
{
    public static void MapStandupEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/standups/export", ExportAsync);

    internal static async Task<IResult> ExportAsync(string? token, StandupExportLinks links, IStandupStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || links.Read(token) is not { } grant)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This export link is not valid or has expired.", detail: "Ask AlignBot for a new one with \"standup export\".");
        }

        if (await store.GetStandupAsync(grant.StandupId, cancellationToken) is not { } found)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This stand-up no longer exists.");
        }

        var prompts = await store.GetPromptsAsync(grant.StandupId, grant.From, grant.To, cancellationToken);
        var names = found.Team.Members.ToDictionary(m => m.MemberId, m => m.DisplayName, StringComparer.OrdinalIgnoreCase);
        var csv = StandupCsv.Write(found.Standup, prompts, names);
        var file = $"{found.Standup.Name.Replace(' ', '-').ToLowerInvariant()}-{grant.From:yyyyMMdd}-{grant.To:yyyyMMdd}.csv";
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", file);
    }
}
