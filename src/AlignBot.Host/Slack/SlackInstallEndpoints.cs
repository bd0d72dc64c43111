using System.Text.Encodings.Web;
using AlignBot.Channels.Slack;

namespace AlignBot.Host.Slack;

/// <summary>
/// <c>GET /slack/install</c> (sends the browser to Slack's authorize page) and <c>GET /slack/oauth_redirect</c> (where
/// Slack sends it back), mapped when <c>AlignBot:Slack:ClientId</c> and <c>ClientSecret</c> are set. A refused install
/// gets a 400 page saying why and what to do; nothing is stored.
/// </summary>
internal static class SlackInstallEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string RedirectPath = "/slack/oauth_redirect";

    public static void MapSlackInstall(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<Microsoft.Extensions.Options.IOptions<SlackOptions>>()?.Value is not { InstallsByOAuth: true })
        {
            return;
        }

        endpoints.MapGet(InstallPath, Install);
        endpoints.MapGet(RedirectPath, RedirectAsync);
    }

    private static IResult Install(HttpContext http, SlackInstall install)
    {
        var (url, nonce) = install.Start();
        http.Response.Cookies.Append(SlackInstall.StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax, // sent on Slack's top-level redirect back, not on cross-site subrequests
            Path = RedirectPath,
            MaxAge = SlackInstall.StateLifetime,
        });
        return Results.Redirect(url);
    }

    private static async Task<IResult> RedirectAsync(HttpContext http, SlackInstall install, string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        var outcome = await install.CompleteAsync(code, state, error, http.Request.Cookies[SlackInstall.StateCookie], cancellationToken);
        http.Response.Cookies.Delete(SlackInstall.StateCookie, new CookieOptions { Path = RedirectPath });
        return outcome.Ok
            ? Page(StatusCodes.Status200OK, "AlignBot is installed", $"AlignBot is installed in {outcome.Message}. Say hello to it in a direct message, or @mention it in a channel.")
            : Page(StatusCodes.Status400BadRequest, "AlignBot was not installed", outcome.Message);
    }

    private static IResult Page(int status, string title, string message)
    {
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{HtmlEncoder.Default.Encode(title)}</title></head>
            <body><h1>{HtmlEncoder.Default.Encode(title)}</h1><p>{HtmlEncoder.Default.Encode(message)}</p></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
