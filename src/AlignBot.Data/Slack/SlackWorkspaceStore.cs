using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Slack;

/// <summary>The installed Slack workspaces: an install (or a reinstall) upserts, an uninstall or a revoked bot token removes.</summary>
internal sealed class SlackWorkspaceStore(AlignBotDbContext db, WriteGate gate)
{
    public async Task UpsertAsync(SlackWorkspaceRecord workspace, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        var existing = await db.SlackWorkspaces.SingleOrDefaultAsync(w => w.TeamId == workspace.TeamId, cancellationToken);
        if (existing is null)
        {
            db.SlackWorkspaces.Add(workspace);
        }
        else
        {
            existing.TeamName = workspace.TeamName;
            existing.BotUserId = workspace.BotUserId;
            existing.Scopes = workspace.Scopes;
            existing.ProtectedBotToken = workspace.ProtectedBotToken;
            existing.InstalledAt = workspace.InstalledAt;
            existing.InstalledBy = workspace.InstalledBy;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<SlackWorkspaceRecord?> FindAsync(string teamId, CancellationToken cancellationToken) =>
        db.SlackWorkspaces.AsNoTracking().SingleOrDefaultAsync(w => w.TeamId == teamId, cancellationToken);

    /// <summary>Forgets the workspace and its token; true when there was one.</summary>
    public async Task<bool> RemoveAsync(string teamId, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        return await db.SlackWorkspaces.Where(w => w.TeamId == teamId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
