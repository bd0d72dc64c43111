using AlignBot.Core.People;

namespace AlignBot.Core.Tests.People;

public sealed class PeopleHandlersTests
{
    [Theory]
    [InlineData("<@U012AB3CD>", "U012AB3CD")]
    [InlineData("<@U012AB3CD|sam>", "U012AB3CD")]
    [InlineData("U012AB3CD", "U012AB3CD")]
    [InlineData(" W0ENTERPRISE ", "W0ENTERPRISE")]
    [InlineData("Sam", null)]
    [InlineData("<@sam>", null)]
    [InlineData("u012ab3cd", null)]
    [InlineData("<#C012AB3CD>", null)]
    [InlineData("sam@contoso.com", null)]
    public void SlackUserId_MentionOrId_TheIdElseNull(string text, string? expected)
    {
        var id = PeopleHandlers.SlackUserId(text);

        Assert.Equal(expected, id);
    }
}
