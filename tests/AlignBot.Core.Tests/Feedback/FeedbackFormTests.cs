using AlignBot.Core.Conversations;
using AlignBot.Core.Feedback;

namespace AlignBot.Core.Tests.Feedback;

public sealed class FeedbackFormTests
{
    private static readonly FeedbackCatalog Catalog = new(["Analytics", "Platform"], ["CFO"], FeedbackCatalog.DefaultStages);

    private static FeedbackForm Read(params (string Key, string Value)[] inputs) =>
        FeedbackForm.Read(new CardInputs(inputs.ToDictionary(i => i.Key, i => i.Value)), Catalog);

    [Fact]
    public void Valid_ContentGap_BecomesADraft_WithCanonicalChoices()
    {
        var form = Read(("kind", "ContentGap"), ("topic", "analytics"), ("persona", "cfo"), ("description", " No case study for retail "), ("amount", "$25,000"));

        Assert.True(form.IsValid);
        Assert.Equal(FeedbackKind.ContentGap, form.Draft!.Kind);
        Assert.Equal("Analytics", form.Draft.Topic);
        Assert.Equal("CFO", form.Draft.Persona);
        Assert.Equal("No case study for retail", form.Draft.Description);
        Assert.Equal(25000m, form.Draft.Amount);
        Assert.Equal(FeedbackUrgency.Normal, form.Draft.Urgency);
    }

    [Fact]
    public void Missing_KindTopicDescription_EachNamed_TypedValuesKept()
    {
        var form = Read(("customer", "Contoso"));

        Assert.False(form.IsValid);
        Assert.Equal(["description", "kind", "topic"], form.Errors.Keys.Order());
        Assert.Equal("Contoso", form.Values["customer"]);
    }

    [Theory]
    [InlineData("AssetFeedback", "asset", "Which asset?")]
    [InlineData("AssetFeedback", "assetRating", "Rate the asset")]
    [InlineData("LeadQuality", "leadVerdict", "Was the lead good")]
    public void KindSpecificFields_AreRequiredForTheirKind(string kind, string field, string message)
    {
        var form = Read(("kind", kind), ("topic", "Platform"), ("description", "x"));

        Assert.StartsWith(message, form.Errors[field], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://files.example/deck.pptx", false)]
    [InlineData("mailto:someone@example.com", false)]
    [InlineData("https://content.example/deck", true)]
    [InlineData("Pricing one-pager: 2026 edition", true)] // a name with a colon is a name, not a link
    public void AssetLinks_OnlyHttpAndHttps(string asset, bool accepted)
    {
        var form = Read(("kind", "ContentRequest"), ("topic", "Platform"), ("description", "x"), ("asset", asset));

        Assert.Equal(accepted, !form.Errors.ContainsKey("asset"));
    }

    [Fact]
    public void UnknownChoices_AndBadAmounts_AreRefused()
    {
        var form = Read(("kind", "Gossip"), ("topic", "Crypto"), ("persona", "Astronaut"), ("urgency", "Yesterday"), ("amount", "lots"), ("description", new string('x', 4001)));

        Assert.Equal(["amount", "description", "kind", "persona", "topic", "urgency"], form.Errors.Keys.Order());
    }
}
