using AlignBot.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlignBot.Host.Health;

internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, StorageSelection storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var data = new Dictionary<string, object> { ["provider"] = storage.Provider.ToString() };
        try
        {
            var ok = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().CanConnectAsync(cancellationToken);
            return ok ? HealthCheckResult.Healthy("The database answers.", data) : HealthCheckResult.Unhealthy("The database does not answer.", data: data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex, data);
        }
    }
}
