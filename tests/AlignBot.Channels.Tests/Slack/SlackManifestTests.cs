using System.Text.RegularExpressions;
using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Events;
using AlignBot.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>
/// manifest/slack/manifest.yaml read as YAML and held to the code: every event the parser handles is subscribed,
/// every Web API method the client calls has its scope requested, the OAuth install asks for the same scopes, and the
/// request URLs point at the endpoints AlignBot maps.
/// </summary>
public sealed partial class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void Manifest_SubscribesEveryEventTheParserHandles()
    {
        var events = Strings(Manifest, "settings", "event_subscriptions", "bot_events");

        Assert.All(SlackEventParser.Subscriptions, e => Assert.Contains(e, events));
        Assert.Contains("app_home_opened", events);
        Assert.Contains("member_joined_channel", events);
    }

    [Fact]
    public void Manifest_RequestsTheScopeOfEveryMethodTheClientCalls()
    {
        var scopes = Strings(Manifest, "oauth_config", "scopes", "bot");
        var source = string.Join('\n', Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "src", "AlignBot.Channels.Slack"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var called = MethodLiteral().Matches(source).Select(m => m.Groups[1].Value).Where(m => m != "manifest.yaml").Distinct().ToList();

        Assert.Contains("chat.postMessage", called);
        Assert.Contains("apps.connections.open", called);
        Assert.All(called, method => Assert.True(SlackScopes.ByMethod.ContainsKey(method), $"{method} is called but has no entry in SlackScopes.ByMethod."));
        Assert.All(SlackScopes.ByMethod.Values.SelectMany(s => s), scope => Assert.Contains(scope, scopes));
    }

    [Fact]
    public void Manifest_BotScopes_AreWhatTheOAuthInstallAsksFor()
    {
        Assert.Equal(SlackScopes.Bot.Order(StringComparer.Ordinal), Strings(Manifest, "oauth_config", "scopes", "bot").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Manifest_FeaturesAndUrls()
    {
        Assert.Equal("https://alignbot.example.com/slack/events", Scalar(Manifest, "settings", "event_subscriptions", "request_url"));
        Assert.Equal("https://alignbot.example.com/slack/interactions", Scalar(Manifest, "settings", "interactivity", "request_url"));
        Assert.Equal("true", Scalar(Manifest, "settings", "interactivity", "is_enabled"));
        Assert.Equal("false", Scalar(Manifest, "settings", "socket_mode_enabled"));
        Assert.Equal("https://alignbot.example.com/slack/oauth_redirect", Assert.Single(Strings(Manifest, "oauth_config", "redirect_urls")));
        Assert.Equal("true", Scalar(Manifest, "features", "app_home", "home_tab_enabled"));
        Assert.Equal("true", Scalar(Manifest, "features", "app_home", "messages_tab_enabled"));
        Assert.Equal("AlignBot", Scalar(Manifest, "features", "bot_user", "display_name"));

        var command = Assert.Single(Sequence(Manifest, "features", "slash_commands"));
        Assert.Equal("/alignbot", Scalar((YamlMappingNode)command, "command"));
        Assert.Equal("https://alignbot.example.com/slack/commands", Scalar((YamlMappingNode)command, "url"));

        var shortcuts = Sequence(Manifest, "features", "shortcuts").Cast<YamlMappingNode>()
            .Select(s => (Scalar(s, "type"), Scalar(s, "name"), Scalar(s, "callback_id"))).ToList();
        Assert.Contains(("global", "Send feedback to marketing", AlignBot.Core.Feedback.FeedbackActions.Open), shortcuts);
        Assert.Contains(("message", AlignBot.Core.Feedback.FeedbackActions.SendToAlignBotTitle, AlignBot.Core.Feedback.FeedbackActions.SendToAlignBot), shortcuts);
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestPaths.RepositoryRoot, "manifest", "slack", "manifest.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path) => ((YamlScalarNode)Node(root, path)).Value;

    private static IReadOnlyList<YamlNode> Sequence(YamlMappingNode root, params string[] path) => [.. ((YamlSequenceNode)Node(root, path)).Children];

    private static List<string> Strings(YamlMappingNode root, params string[] path) => [.. Sequence(root, path).Select(n => ((YamlScalarNode)n).Value ?? "")];

    [GeneratedRegex("\"((?:apps|auth|chat|conversations|oauth|users|views)\\.[A-Za-z.]+)\"")]
    private static partial Regex MethodLiteral();
}
