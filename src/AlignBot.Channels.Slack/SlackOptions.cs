using System.ComponentModel.DataAnnotations;

namespace AlignBot.Channels.Slack;

/// <summary>
/// The Slack app's credentials (section <c>AlignBot:Slack</c>). With no <see cref="SigningSecret"/> the events endpoint
/// is not mapped; with no <see cref="BotToken"/> nothing is sent to Slack (unless a workspace installed AlignBot
/// through OAuth); with an <see cref="AppToken"/> events also arrive over Socket Mode. All are secrets: user-secrets or
/// environment.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "AlignBot:Slack";

    /// <summary>The bot token (xoxb-...) sent as the bearer token of every Web API call.</summary>
    public string? BotToken { get; init; }

    /// <summary>The app's signing secret, which every inbound request is verified against.</summary>
    public string? SigningSecret { get; init; }

    /// <summary>The app-level token (xapp-..., scope <c>connections:write</c>) that opens Socket Mode connections.</summary>
    public string? AppToken { get; init; }

    /// <summary>The app's client id (Basic Information → App Credentials): with <see cref="ClientSecret"/>, workspaces install AlignBot through OAuth at /slack/install.</summary>
    public string? ClientId { get; init; }

    /// <summary>The app's client secret, sent to <c>oauth.v2.access</c> only.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The bot scopes an OAuth install asks for, comma-separated; empty: those in manifest/slack/manifest.yaml (<see cref="SlackScopes.Bot"/>).</summary>
    public string? Scopes { get; init; }

    /// <summary>Where the OAuth install sends the browser back; empty: <c>{AlignBot:PublicBaseUrl}/slack/oauth_redirect</c>. Must be one of the app's redirect URLs.</summary>
    public string? RedirectUrl { get; init; }

    /// <summary>Slack's authorize page; tests point it elsewhere.</summary>
    [Required, Url]
    public string AuthorizeUrl { get; init; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>The Web API's base address, ending with a slash; tests point it at a fake on loopback.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; init; } = "https://slack.com/api/";

    public bool ReceivesEvents => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public bool InstallsByOAuth => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public IReadOnlyList<string> BotScopes =>
        string.IsNullOrWhiteSpace(Scopes) ? SlackScopes.Bot : Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Sends => !string.IsNullOrWhiteSpace(BotToken);
}
