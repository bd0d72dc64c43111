using System.Text.Json;
using AlignBot.Host.Scheduling;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AlignBot.Host.Health;

/// <summary><c>GET /healthz</c>: the state of the database and the scheduler, as JSON.</summary>
internal static class HealthModule
{
    public static IServiceCollection AddAlignBotHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (configuration.GetValue($"{SchedulingModule.Section}:Enabled", true))
        {
            checks.AddQuartz(o =>
            {
                o.Name = "scheduler";
                o.FailureStatus = HealthStatus.Unhealthy;
            });
        }
        else
        {
            checks.AddCheck("scheduler", () => HealthCheckResult.Healthy("The scheduler is switched off by configuration (AlignBot:Scheduler:Enabled)."));
        }

        return services;
    }

    public static void MapAlignBotHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.ToDictionary(d => d.Key, d => d.Value?.ToString()) }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
