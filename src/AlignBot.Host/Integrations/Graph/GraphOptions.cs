namespace AlignBot.Host.Integrations.Graph;

/// <summary>
/// The app registration AlignBot reads Microsoft Graph with (client credentials; the app needs MailboxSettings.Read,
/// application, with admin consent). Off when TenantId, ClientId and ClientSecret are all empty.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "AlignBot:Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Graph's root, with its version; tests point it at a fake Graph on loopback.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>How often everyone's mailbox settings are read again.</summary>
    public TimeSpan SyncEvery { get; set; } = TimeSpan.FromMinutes(30);

    public bool IsConfigured => TenantId.Length > 0 || ClientId.Length > 0 || ClientSecret.Length > 0;
}
