using AlignBot.Core.Conversations;

namespace AlignBot.Core.Tests.Conversations;

public sealed class WordsTests
{
    [Theory]
    [InlineData("hello", "hello")]
    [InlineData("standup now", "standup now")]
    [InlineData("  standup now", "standup now")]
    [InlineData("standup now ", "standup now")]
    [InlineData("standup  now", "standup now")]
    [InlineData("standup\tnow", "standup now")]
    [InlineData("standup\r\n now\u00a0please", "standup now please")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void Collapse_OneSpaceBetweenWords_NoneAround(string text, string expected)
    {
        Assert.Equal(expected, Words.Collapse(text));
    }

    [Fact]
    public void Collapse_TextSpacedAlready_IsTheSameString()
    {
        var text = new string("feedback for the pricing deck".ToCharArray());

        Assert.Same(text, Words.Collapse(text));
    }
}
