using AlignBot.Core.Conversations;
using AlignBot.Core.Standups;

namespace AlignBot.Core.Tests.Standups;

public sealed class StandupAnswersTests
{
    private static readonly IReadOnlyList<StandupQuestion> Questions =
    [
        .. StandupQuestion.Defaults,
        new StandupQuestion("mood", "How do you feel?", Required: false, Choices: ["good", "meh"]),
    ];

    [Fact]
    public void From_AllRequiredAnswered_IsValid()
    {
        var answers = StandupAnswers.From(Questions, Inputs(("q_yesterday", "Shipped the deck"), ("q_today", "Call Acme")));

        Assert.True(answers.IsValid);
        Assert.Equal("Shipped the deck", answers.Values["yesterday"]);
    }

    [Fact]
    public void From_RequiredAnswerBlank_ErrorNamesTheQuestionAndKeepsWhatWasTyped()
    {
        var answers = StandupAnswers.From(Questions, Inputs(("q_yesterday", "Shipped the deck"), ("q_today", "   ")));

        Assert.False(answers.IsValid);
        Assert.Contains("What will you do today?", answers.Errors["today"], StringComparison.Ordinal);
        Assert.Equal("Shipped the deck", answers.Values["yesterday"]);
    }

    [Fact]
    public void From_AnswerOver4000Characters_IsRefusedWithTheLength()
    {
        var answers = StandupAnswers.From(Questions, Inputs(("q_yesterday", new string('a', 4001)), ("q_today", "x")));

        Assert.Contains("4,001", answers.Errors["yesterday"], StringComparison.Ordinal);
        Assert.Equal(4001, answers.Values["yesterday"].Length);
    }

    [Fact]
    public void From_ChoiceNotOffered_IsRefused()
    {
        var answers = StandupAnswers.From(Questions, Inputs(("q_yesterday", "a"), ("q_today", "b"), ("q_mood", "ecstatic")));

        Assert.Contains("ecstatic", answers.Errors["mood"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("None", null)]
    [InlineData("n/a", null)]
    [InlineData("no.", null)]
    [InlineData("Waiting on legal for the case study", "Waiting on legal for the case study")]
    public void Blocker_OnlyRealAnswersCount(string typed, string? expected)
    {
        var answers = StandupAnswers.From(Questions, Inputs(("q_yesterday", "a"), ("q_today", "b"), ("q_blockers", typed)));

        Assert.Equal(expected, answers.Blocker(Questions));
    }

    private static CardInputs Inputs(params (string Id, string Value)[] values) =>
        new(values.ToDictionary(v => v.Id, v => v.Value));
}
