using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AlignBot.Channels.Teams.Auth;

/// <summary>
/// Validates the Bot Framework token on each request as the Bot Framework does (shared/reference/botframework-auth.md):
/// a Bearer JWT signed with RS256/384/512 by a key from the channel service's OpenID metadata (refreshed once when a
/// token names an unknown key), issued by https://api.botframework.com for this app id, within its lifetime give or
/// take 5 minutes, with a <c>serviceurl</c> claim equal to the activity's service URL and a signing key endorsed for
/// the activity's channel. Emulator and Agents Playground tokens (Azure AD issuers) are accepted for this app id
/// (<c>appid</c> for v1 tokens, <c>azp</c> for v2) without those two channel checks.
/// </summary>
internal sealed partial class BotFrameworkJwtAuthenticator : IInboundAuthenticator
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly string[] EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<BotFrameworkJwtAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly MetadataSource _channel;
    private readonly MetadataSource _emulator;
    private readonly HashSet<string> _emulatorIssuers;

    public BotFrameworkJwtAuthenticator(IOptions<BotFrameworkOptions> options, HttpClient http, TimeProvider clock, ILogger<BotFrameworkJwtAuthenticator> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _channel = new MetadataSource(_options.ChannelOpenIdMetadataUrl, http, clock);
        _emulator = new MetadataSource(_options.EmulatorOpenIdMetadataUrl, http, clock);
        _emulatorIssuers = [.. EmulatorIssuers];
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            _emulatorIssuers.Add($"https://sts.windows.net/{_options.MicrosoftAppTenantId}/");
            _emulatorIssuers.Add($"https://login.microsoftonline.com/{_options.MicrosoftAppTenantId}/v2.0");
        }
    }

    public bool IsRequired => true;

    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(authorizationHeader, channelId, serviceUrl, cancellationToken);
        if (!result.Succeeded)
        {
            Refused(_logger, result.Failure ?? "unknown");
        }

        return result;
    }

    private async Task<InboundAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return InboundAuthResult.Fail("No Authorization header.");
        }

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Fail("The Authorization header is not a Bearer token.");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return InboundAuthResult.Fail("The bearer token is not a JWT.");
        }

        if (!Algorithms.Contains(token.Alg))
        {
            return InboundAuthResult.Fail($"The token is signed with {token.Alg}; only RS256, RS384 and RS512 are accepted.");
        }

        var isChannel = token.Issuer == ChannelIssuer;
        if (!isChannel && !_emulatorIssuers.Contains(token.Issuer))
        {
            return InboundAuthResult.Fail($"The token's issuer '{token.Issuer}' is not a Bot Framework issuer.");
        }

        var source = isChannel ? _channel : _emulator;
        var (validation, metadata) = await ValidateSignatureAndClaimsAsync(parts[1], source, isChannel, refresh: false, cancellationToken);
        if (!validation.IsValid && validation.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: fetch the metadata again once before refusing a key we have not seen.
            (validation, metadata) = await ValidateSignatureAndClaimsAsync(parts[1], source, isChannel, refresh: true, cancellationToken);
        }

        if (!validation.IsValid)
        {
            return InboundAuthResult.Fail(Describe(validation.Exception));
        }

        var identity = validation.ClaimsIdentity;
        if (!isChannel)
        {
            var version = token.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
            var appIdClaim = version switch
            {
                "1.0" => "appid",
                "2.0" => "azp",
                _ => null,
            };
            if (appIdClaim is null)
            {
                return InboundAuthResult.Fail("The emulator token has no 'ver' claim of 1.0 or 2.0.");
            }

            var appId = token.TryGetPayloadValue<string>(appIdClaim, out var value) ? value : null;
            return string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
                ? InboundAuthResult.Success(identity)
                : InboundAuthResult.Fail($"The emulator token's '{appIdClaim}' is not this bot's app id.");
        }

        var claimed = identity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(claimed))
        {
            return InboundAuthResult.Fail("The token has no 'serviceurl' claim.");
        }

        if (!string.Equals(claimed.TrimEnd('/'), serviceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Fail("The token's 'serviceurl' claim does not match the activity's serviceUrl.");
        }

        if (string.IsNullOrEmpty(channelId))
        {
            return InboundAuthResult.Fail("The activity has no channelId to check the signing key's endorsements against.");
        }

        var endorsements = metadata.Endorsements.GetValueOrDefault(token.Kid ?? "");
        if (endorsements is null || !endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Fail($"The signing key is not endorsed for channel '{channelId}'.");
        }

        return InboundAuthResult.Success(identity);
    }

    private async Task<(TokenValidationResult Result, Metadata Metadata)> ValidateSignatureAndClaimsAsync(string token, MetadataSource source, bool isChannel, bool refresh, CancellationToken cancellationToken)
    {
        var metadata = await source.GetAsync(refresh, cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = isChannel ? [ChannelIssuer] : _emulatorIssuers,
            ValidateAudience = isChannel,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = metadata.Configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires),
            ValidateIssuerSigningKey = true,
        };
        return (await _handler.ValidateTokenAsync(token, parameters), metadata);
    }

    /// <summary>The lifetime check on our clock (tests move it), with the Bot Framework's 5 minutes of skew.</summary>
    private bool WithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + ClockSkew)
        {
            throw new SecurityTokenExpiredException($"The token expired at {expires:O}.");
        }

        if (notBefore is { } nbf && now < nbf.ToUniversalTime() - ClockSkew)
        {
            throw new SecurityTokenNotYetValidException($"The token is not valid before {nbf:O}.");
        }

        return true;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not accepted.",
        SecurityTokenInvalidAudienceException => "The token's audience is not this bot's app id.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed by a key that is not in the OpenID metadata.",
        SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
        SecurityTokenInvalidLifetimeException => "The token's lifetime is not valid.",
        null => "The token is not valid.",
        _ => "The token is not valid: " + exception.GetType().Name + ".",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework token refused: {Reason}")]
    private static partial void Refused(ILogger logger, string reason);

    private sealed record Metadata(OpenIdConnectConfiguration Configuration, IReadOnlyDictionary<string, string[]> Endorsements);

    /// <summary>
    /// One OpenID metadata document and its key set, read with Microsoft.IdentityModel's retriever and kept for a day.
    /// A token naming a key we don't have triggers one refresh, at most once a minute so random key ids can't make us
    /// hammer the metadata endpoint. The key endorsements (which channels a key may sign for) are not part of
    /// JsonWebKey, so the JWKS is read for them too.
    /// </summary>
    private sealed class MetadataSource(string url, HttpClient http, TimeProvider clock)
    {
        private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
        private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(1);
        private readonly HttpDocumentRetriever _retriever = new(http) { RequireHttps = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) };
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Metadata? _current;
        private DateTimeOffset _fetchedAt;

        public async Task<Metadata> GetAsync(bool refresh, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            if (_current is { } current && !Stale(now, refresh))
            {
                return current;
            }

            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_current is { } fresh && !Stale(now, refresh))
                {
                    return fresh;
                }

                var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url, _retriever, cancellationToken);
                _current = new Metadata(configuration, await ReadEndorsementsAsync(configuration, cancellationToken));
                _fetchedAt = now;
                return _current;
            }
            finally
            {
                _gate.Release();
            }
        }

        private bool Stale(DateTimeOffset now, bool refresh) =>
            now - _fetchedAt >= MaxAge || (refresh && now - _fetchedAt >= MinRefreshInterval);

        private async Task<IReadOnlyDictionary<string, string[]>> ReadEndorsementsAsync(OpenIdConnectConfiguration configuration, CancellationToken cancellationToken)
        {
            var endorsements = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(configuration.JwksUri))
            {
                return endorsements;
            }

            using var document = JsonDocument.Parse(await _retriever.GetDocumentAsync(configuration.JwksUri, cancellationToken));
            if (document.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
            {
                foreach (var key in keys.EnumerateArray())
                {
                    if (key.TryGetProperty("kid", out var kid) && kid.GetString() is { } id
                        && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        endorsements[id] = [.. list.EnumerateArray().Select(e => e.GetString()).OfType<string>()];
                    }
                }
            }

            return endorsements;
        }
    }
}
