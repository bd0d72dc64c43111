using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlignBot.Channels.Teams.Auth;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using AlignBot.Tests.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AlignBot.Host.Tests.Teams;

/// <summary>With an app id configured, /api/messages takes only valid Bot Framework tokens; everything else is a 401 and changes nothing.</summary>
public sealed class AuthenticatedEndpointTests
{
    private const string AppId = "a1b2c3d4-0000-0000-0000-000000000001";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_ValidToken_ProcessesAndRepliesWithTheAppsOutboundToken()
    {
        await using var world = await StartAsync();
        var activity = world.Activity("help");

        var response = await world.PostAsync(activity, world.Mint(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await world.Connector.WaitForRequestsAsync(1, Token));
        Assert.Equal("Bearer outbound-token", reply.Authorization);
    }

    [Fact]
    public async Task Post_NoToken_Returns401AndStoresNothing()
    {
        await using var world = await StartAsync();

        var response = await world.PostAsync(world.Activity("help"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await world.CountDeliveriesAsync());
    }

    [Fact]
    public async Task Post_TokenForAnotherServiceUrl_Returns401AndStoresNothing()
    {
        await using var world = await StartAsync();
        var activity = world.Activity("help");
        var token = world.Mint(activity, serviceUrl: "https://elsewhere.example/");

        var response = await world.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await world.CountDeliveriesAsync());
    }

    [Fact]
    public async Task Post_MalformedBodyWithoutToken_Returns401()
    {
        await using var world = await StartAsync();

        var response = await world.Bot.Client.PostAsync("/api/messages", new StringContent("{", System.Text.Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<AuthWorld> StartAsync()
    {
        var server = await OpenIdServer.StartAsync(Token);
        var key = server.AddKey("msteams");
        var connector = await FakeConnector.StartAsync(Token);
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
            ["ChannelOpenIdMetadataUrl"] = server.ChannelMetadataUrl,
            ["EmulatorOpenIdMetadataUrl"] = server.EmulatorMetadataUrl,
        };
        var factory = new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), settings, services =>
        {
            services.RemoveAll<IBotTokenProvider>();
            services.AddSingleton<IBotTokenProvider>(new FixedToken("outbound-token"));
        });
        return new AuthWorld(server, key, connector, factory);
    }

    private sealed class FixedToken(string token) : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }

    private sealed class AuthWorld(OpenIdServer server, RsaSecurityKey key, FakeConnector connector, AlignBotFactory factory) : IAsyncDisposable
    {
        private readonly HttpClient _client = factory.CreateClient();

        public FakeConnector Connector => connector;

        public (AlignBotFactory Factory, HttpClient Client) Bot => (factory, _client);

        public JsonObject Activity(string text)
        {
            var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("teams-payloads", "message.personal.json")))!.AsObject();
            json["serviceUrl"] = connector.ServiceUrl;
            json["text"] = text;
            return json;
        }

        public string Mint(JsonObject activity, string? serviceUrl = null) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = BotFrameworkJwtAuthenticator.ChannelIssuer,
                Audience = AppId,
                NotBefore = AlignBotFactory.DefaultStart.AddMinutes(-1).UtcDateTime,
                IssuedAt = AlignBotFactory.DefaultStart.AddMinutes(-1).UtcDateTime,
                Expires = AlignBotFactory.DefaultStart.AddHours(1).UtcDateTime,
                Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? (string)activity["serviceUrl"]! },
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });

        public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return _client.SendAsync(request, Token);
        }

        public async Task<int> CountDeliveriesAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AlignBot.Data.AlignBotDbContext>().InboundDeliveries.CountAsync(Token);
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await factory.DisposeAsync();
            await connector.DisposeAsync();
            await server.DisposeAsync();
        }
    }
}
