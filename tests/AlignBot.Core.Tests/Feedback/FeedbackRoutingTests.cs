using AlignBot.Core.Feedback;

namespace AlignBot.Core.Tests.Feedback;

public sealed class FeedbackRoutingTests
{
    private static readonly StringComparer IgnoreCase = StringComparer.OrdinalIgnoreCase;

    private static RoutingRule Rule(string name, string? owner = null, string? queue = null, FeedbackKind[]? kinds = null, string[]? topics = null, string[]? keywords = null, FeedbackUrgency[]? urgencies = null) =>
        new(name, (kinds ?? []).ToHashSet(), (topics ?? []).ToHashSet(IgnoreCase), new HashSet<string>(IgnoreCase), new HashSet<string>(IgnoreCase), (urgencies ?? []).ToHashSet(), keywords ?? [], owner, queue);

    private static FeedbackDraft Draft(FeedbackKind kind = FeedbackKind.ContentRequest, string topic = "Analytics", string text = "need an ROI calculator", FeedbackUrgency urgency = FeedbackUrgency.Normal) =>
        new(kind, topic, null, null, null, null, null, null, null, urgency, text);

    [Fact]
    public void FirstMatchingRuleWins_InOrder()
    {
        var routing = new FeedbackRouting([Rule("intel", queue: "intel", kinds: [FeedbackKind.CompetitiveIntel]), Rule("analytics", owner: "olga", topics: ["analytics"]), Rule("all", owner: "omar")], new Dictionary<string, RoutingQueue>(), "default");

        Assert.Equal("analytics", routing.Match(Draft()).Rule!.Name);
        Assert.Equal("intel", routing.Match(Draft(FeedbackKind.CompetitiveIntel)).Rule!.Name);
        Assert.Equal("all", routing.Match(Draft(topic: "Platform")).Rule!.Name);
    }

    [Fact]
    public void NoRuleMatches_TheDefaultOwner_AndTheExplanationSaysWhy()
    {
        var routing = new FeedbackRouting([Rule("urgent analytics", owner: "olga", topics: ["Analytics"], urgencies: [FeedbackUrgency.Critical])], new Dictionary<string, RoutingQueue>(), "omar");

        var match = routing.Match(Draft(), explain: true);

        Assert.Null(match.Rule);
        Assert.Equal("omar", match.Owner);
        Assert.Equal(["✘ urgent analytics: urgency is Normal, the rule wants Critical", "No rule matched → the default owner omar"], match.Explanation);
    }

    [Theory]
    [InlineData("need an ROI calculator", true)]
    [InlineData("roi", true)]
    [InlineData("we need heroics", false)] // whole words only
    [InlineData("asked about total cost of ownership", true)] // a phrase
    public void Keywords_MatchWholeWordsOrPhrases(string text, bool matches)
    {
        var routing = new FeedbackRouting([Rule("value", owner: "olga", keywords: ["ROI", "total cost of ownership"])], new Dictionary<string, RoutingQueue>(), "omar");

        Assert.Equal(matches, routing.Match(Draft(text: text)).Rule is not null);
    }

    [Fact]
    public void TwoHundredRules_StillMatchTheLast()
    {
        var rules = Enumerable.Range(0, 199).Select(i => Rule($"r{i}", owner: "o", topics: [$"topic-{i}"], keywords: [$"word{i}"])).Append(Rule("last", owner: "olga", keywords: ["calculator"])).ToList();
        var routing = new FeedbackRouting(rules, new Dictionary<string, RoutingQueue>(), "omar");

        Assert.Equal("last", routing.Match(Draft()).Rule!.Name);
    }
}
