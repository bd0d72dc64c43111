using AlignBot.Core.Routing;
using AlignBot.Core.Standups;
using AlignBot.Data.Organization;
using AlignBot.Host.Organization;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Standups;

/// <summary>Stand-ups and the organization they run in: options, handlers, the tick job.</summary>
internal static class StandupsModule
{
    public static IServiceCollection AddStandups(this IServiceCollection services)
    {
        services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganizationOptions>, OrganizationOptionsValidator>();
        services.AddSingleton(sp => new OrganizationAdmins(sp.GetRequiredService<IOptions<OrganizationOptions>>().Value.Admins.ToHashSet(StringComparer.OrdinalIgnoreCase)));
        services.AddHttpClient(nameof(OrganizationSeeder)).AddStandardResilienceHandler();
        services.AddScoped<OrganizationSeeder>();
        services.AddScoped<StartDueStandups>();
        services.AddScoped<SendStandupReminders>();
        services.AddScoped<StandupHandlers>();
        services.AddScoped<StandupAdminHandlers>();
        services.AddScoped<AlignBot.Core.Organization.TeamSetupHandlers>();
        services.AddSingleton<StandupExportLinks>();
        services.AddSingleton<IStandupExportLinks>(sp => sp.GetRequiredService<StandupExportLinks>());
        services.AddScoped<StandupTickJob>();
        return services;
    }

    public static void MapStandups(ChatRouter router)
    {
        StandupHandlers.Map(router);
        StandupAdminHandlers.Map(router);
        AlignBot.Core.Organization.TeamSetupHandlers.Map(router);
    }
}
