using System.Text;
using AlignBot.Core.Cards;
using AlignBot.Core.Standups;

namespace AlignBot.Core.Tests.Standups;

public sealed class StandupEditCardsTests
{
    /// <summary>Teams refuses a card over 28 KB; the edit card at its largest (10 questions, every field full) stays under.</summary>
    [Fact]
    public void Edit_TenQuestionsWithLongestTextAndOptions_FitsTeamsCardLimit()
    {
        var rows = Enumerable.Range(0, StandupQuestionEditor.MaxQuestions)
            .Select(i => new QuestionRow($"q{Guid.NewGuid():N}"[..11], new string('e', StandupQuestionEditor.MaxTextLength), IsChoice: true, Options: new string('x', StandupQuestionEditor.MaxOptionsLength)))
            .ToList();
        var standup = new StandupDefinition(Guid.NewGuid(), "team-1", new string('n', 100), [], StandupDefinition.Weekdays, new TimeOnly(9, 0), TimeSpan.FromHours(4), null, null);

        var json = CardJson.Serialize(StandupEditCards.Edit(standup, new string('t', 100), rows, ["An error."]));

        Assert.True(Encoding.UTF8.GetByteCount(json) <= 28 * 1024 - 2048, $"{Encoding.UTF8.GetByteCount(json):N0} bytes");
    }
}
