using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using AlignBot.Tests.Shared.Http;

namespace AlignBot.Tests.Shared.Auth;

/// <summary>
/// OpenID metadata and a JWKS on loopback, as login.botframework.com serves them (keys with <c>endorsements</c>),
/// for one key set the test can rotate.
/// </summary>
internal sealed class OpenIdServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _keys = [];

    private OpenIdServer(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = "";

    public string ChannelMetadataUrl => BaseUrl + "/channel/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => BaseUrl + "/emulator/.well-known/openid-configuration";

    public int KeyRequests { get; private set; }

    public static async Task<OpenIdServer> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackServer.Create();
        var server = new OpenIdServer(app);
        app.MapGet("/{which}/.well-known/{document}", (string which, HttpContext http) => Results.Json(new JsonObject
        {
            ["issuer"] = which == "channel" ? "https://api.botframework.com" : "https://login.microsoftonline.com/common/v2.0",
            ["jwks_uri"] = $"{server.BaseUrl}/{which}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/{which}/keys", () =>
        {
            server.KeyRequests++;
            var keys = new JsonArray();
            foreach (var (key, endorsements) in server._keys)
            {
                var p = key.Rsa.ExportParameters(false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode?)JsonValue.Create(e))]),
                });
            }

            return Results.Json(new JsonObject { ["keys"] = keys });
        });
        server.BaseUrl = await LoopbackServer.StartAsync(app, cancellationToken);
        return server;
    }

    /// <summary>A new signing key, published in the JWKS with these endorsements.</summary>
    public RsaSecurityKey AddKey(params string[] endorsements)
    {
        var key = NewKey();
        _keys.Add((key, endorsements));
        return key;
    }

    /// <summary>A key that is not published (a forger's key).</summary>
    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
