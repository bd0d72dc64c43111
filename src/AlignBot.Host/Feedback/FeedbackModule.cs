using AlignBot.Core.Feedback;
using AlignBot.Core.Routing;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Feedback;

/// <summary>Seller feedback and its routing: options, handlers, the SLA tick job.</summary>
internal static class FeedbackModule
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FeedbackOptions>>().Value.ToSettings());
        services.AddScoped<FeedbackHandlers>();
        services.AddScoped<CheckFeedbackSlas>();
        services.AddScoped<FeedbackTickJob>();
        return services;
    }

    public static void MapFeedback(ChatRouter router) => FeedbackHandlers.Map(router);
}
