using System.ComponentModel.DataAnnotations;

namespace AlignBot.Channels.Teams;

/// <summary>
/// The bot's app registration, under the Bot Framework's own configuration keys (at the root of the
/// configuration: <c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c>). No app id means anonymous local mode.
/// </summary>
public sealed class BotFrameworkOptions : IValidatableObject
{
    public const string SingleTenant = "SingleTenant";
    public const string MultiTenant = "MultiTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    public string MicrosoftAppType { get; set; } = MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Framework channel service (tokens on requests from Teams).</summary>
    [Url]
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Azure AD for emulator and Agents Playground tokens.</summary>
    [Url]
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Authority host used for outbound tokens (MSAL). The tenant is appended.</summary>
    [Url]
    public string LoginAuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The scope of outbound Connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsAnonymous)
        {
            yield break;
        }

        if (MicrosoftAppType is not (SingleTenant or MultiTenant or UserAssignedMsi))
        {
            yield return new ValidationResult(
                $"MicrosoftAppType must be {SingleTenant}, {MultiTenant} or {UserAssignedMsi}; it is '{MicrosoftAppType}'.",
                [nameof(MicrosoftAppType)]);
        }

        if (MicrosoftAppType is SingleTenant or MultiTenant && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult($"MicrosoftAppPassword is required when MicrosoftAppType is {MicrosoftAppType}.", [nameof(MicrosoftAppPassword)]);
        }

        if (MicrosoftAppType is SingleTenant or UserAssignedMsi && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            yield return new ValidationResult($"MicrosoftAppTenantId is required when MicrosoftAppType is {MicrosoftAppType}.", [nameof(MicrosoftAppTenantId)]);
        }
    }
}
