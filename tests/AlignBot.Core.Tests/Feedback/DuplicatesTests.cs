using AlignBot.Core.Feedback;

namespace AlignBot.Core.Tests.Feedback;

public sealed class DuplicatesTests
{
    [Theory]
    [InlineData("Need an ROI calculator for the analytics add-on", "Customer needs ROI calculators for the analytics add-on", true)]
    [InlineData("Need an ROI calculator for the analytics add-on", "The analytics datasheet still shows last year's pricing", false)]
    [InlineData("Fabrikam cut prices by 20% in retail", "Fabrikam cut retail prices by 20%", true)]
    public void Similarity_AboveTheThreshold_ForTheSameRequestInOtherWords(string a, string b, bool similar)
    {
        Assert.Equal(similar, Duplicates.Similarity(a, b) >= Duplicates.Threshold);
    }

    [Fact]
    public void Similarity_IgnoresCommonWordsAndCase()
    {
        Assert.Equal(1.0, Duplicates.Similarity("The ROI calculator", "roi CALCULATORS for the"));
        Assert.Equal(0.0, Duplicates.Similarity("the and of", "a to in"));
    }
}
