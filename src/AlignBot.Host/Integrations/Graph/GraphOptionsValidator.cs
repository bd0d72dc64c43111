using Microsoft.Extensions.Options;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>Either all of TenantId, ClientId and ClientSecret or none; a usable BaseUrl; a sensible sync interval.</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        foreach (var (key, value) in new[] { (nameof(options.TenantId), options.TenantId), (nameof(options.ClientId), options.ClientId), (nameof(options.ClientSecret), options.ClientSecret) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{GraphOptions.Section}:{key} is required when {GraphOptions.Section} is configured (set TenantId, ClientId and ClientSecret, or none of them to turn Graph off).");
            }
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
        {
            errors.Add($"{GraphOptions.Section}:BaseUrl '{options.BaseUrl}' must be an absolute https URL (http only on loopback).");
        }

        if (options.SyncEvery < TimeSpan.FromMinutes(1) || options.SyncEvery > TimeSpan.FromDays(1))
        {
            errors.Add($"{GraphOptions.Section}:SyncEvery '{options.SyncEvery}' must be between 00:01:00 and 1.00:00:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
