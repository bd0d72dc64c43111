using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Core.Standups;

namespace AlignBot.Core.Tests.Standups;

public sealed class StandupQuestionEditorTests
{
    private static readonly IReadOnlyList<QuestionRow> Rows = [.. StandupQuestion.Defaults.Select(QuestionRow.From)];

    [Fact]
    public void Validate_DefaultQuestions_GivesThemBackWithTheirIds()
    {
        var (questions, errors) = StandupQuestionEditor.Validate(Rows);

        Assert.Empty(errors);
        Assert.Equal(StandupQuestion.Defaults.Select(q => q.Id), questions.Select(q => q.Id));
        Assert.True(questions[2].IsBlockers);
        Assert.False(questions[2].Required);
    }

    [Fact]
    public void Validate_NoRows_NeedsAQuestion()
    {
        var (questions, errors) = StandupQuestionEditor.Validate([]);

        Assert.Empty(questions);
        Assert.Equal(["A stand-up needs at least one question."], errors);
    }

    [Fact]
    public void Validate_ElevenRows_TooMany()
    {
        var rows = Enumerable.Range(1, 11).Select(i => new QuestionRow($"q{i}", $"Question {i}?")).ToList();

        var (_, errors) = StandupQuestionEditor.Validate(rows);

        Assert.Contains("A stand-up has at most 10 questions; this one has 11.", errors);
    }

    [Fact]
    public void Validate_EmptyAndTooLongText_ErrorsNameTheQuestion()
    {
        var (questions, errors) = StandupQuestionEditor.Validate([new QuestionRow("a", "   "), new QuestionRow("b", new string('x', 501)), new QuestionRow("c", new string('y', 500))]);

        Assert.Empty(questions);
        Assert.Equal(["Question 1 has no text.", "Question 2 is 501 characters; the most is 500."], errors);
    }

    [Fact]
    public void ValidateByInput_EachQuestionsMistakeUnderItsInput_TheListsOwnUnderNone()
    {
        var rows = new List<QuestionRow> { new("a", "   "), new("b", "Demo booked?", IsChoice: true, Options: "Yes") };
        rows.AddRange(Enumerable.Range(0, StandupQuestionEditor.MaxQuestions).Select(i => new QuestionRow($"x{i}", $"Extra {i}?")));

        var (questions, errors, inputErrors) = StandupQuestionEditor.ValidateByInput(rows);

        Assert.Empty(questions);
        Assert.Equal(3, errors.Count); // too many questions, question 1's text, question 2's options
        Assert.Equal(
            new Dictionary<string, string>
            {
                [StandupQuestionEditor.TextInput(0)] = "Question 1 has no text.",
                [StandupQuestionEditor.OptionsInput(1)] = "Question 2 is a choice: give at least 2 different options, separated by commas.",
            },
            inputErrors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Yes")]
    [InlineData("Yes, yes , YES,,")]
    public void Validate_ChoiceWithFewerThanTwoDistinctOptions_Refused(string options)
    {
        var (_, errors) = StandupQuestionEditor.Validate([new QuestionRow("a", "Demo booked?", IsChoice: true, Options: options)]);

        Assert.Equal(["Question 1 is a choice: give at least 2 different options, separated by commas."], errors);
    }

    [Fact]
    public void Validate_Choice_OptionsTrimmedAndDeduplicated()
    {
        var (questions, errors) = StandupQuestionEditor.Validate([new QuestionRow("a", " Confidence? ", Required: false, IsChoice: true, Options: " High, Medium ,high, Low ,")]);

        Assert.Empty(errors);
        var question = Assert.Single(questions);
        Assert.Equal("Confidence?", question.Text);
        Assert.Equal(["High", "Medium", "Low"], question.Choices!);
        Assert.False(question.Required);
    }

    [Fact]
    public void Validate_FreeTextWithLeftoverOptions_StaysFreeText()
    {
        var (questions, _) = StandupQuestionEditor.Validate([new QuestionRow("a", "Notes?", Options: "A, B")]);

        Assert.Null(Assert.Single(questions).Choices);
    }

    [Theory]
    [InlineData(1, -1, "today,yesterday,blockers")]
    [InlineData(1, 1, "yesterday,blockers,today")]
    [InlineData(0, -1, "yesterday,today,blockers")]
    [InlineData(2, 1, "yesterday,today,blockers")]
    [InlineData(7, 1, "yesterday,today,blockers")]
    public void Move_Row_SwapsWithItsNeighbourOrStaysAtTheEnds(int row, int delta, string expected)
    {
        var moved = StandupQuestionEditor.Move(Rows, row, delta);

        Assert.Equal(expected, string.Join(',', moved.Select(r => r.Id)));
    }

    [Fact]
    public void Remove_Row_KeepsTheOthersInOrder()
    {
        var left = StandupQuestionEditor.Remove(Rows, 0);

        Assert.Equal(["today", "blockers"], left.Select(r => r.Id));
    }

    [Fact]
    public void Add_Row_EmptyWithAnIdNoQuestionHadBefore()
    {
        var added = StandupQuestionEditor.Add(Rows, ["removed-earlier"]);

        Assert.Equal(4, added.Count);
        Assert.Equal("", added[3].Text);
        Assert.DoesNotContain(added[3].Id, new[] { "yesterday", "today", "blockers", "removed-earlier" });
    }

    [Fact]
    public void Read_CardInputs_RowsInTheCardsOrderWithTypedValues()
    {
        var inputs = new CardInputs(new Dictionary<string, string>
        {
            [StandupQuestionEditor.IdKey(0)] = "mood",
            [StandupQuestionEditor.TextInput(0)] = "How confident?",
            [StandupQuestionEditor.RequiredInput(0)] = "false",
            [StandupQuestionEditor.KindInput(0)] = "choice",
            [StandupQuestionEditor.OptionsInput(0)] = "High, Low",
            [StandupQuestionEditor.IdKey(1)] = "blockers",
            [StandupQuestionEditor.TextInput(1)] = "Blocked?",
            [StandupQuestionEditor.BlockersInput(1)] = "true",
        });

        var rows = StandupQuestionEditor.Read(inputs);

        Assert.Equal(
            [new QuestionRow("mood", "How confident?", Required: false, IsChoice: true, Options: "High, Low"), new QuestionRow("blockers", "Blocked?", IsBlockers: true)],
            rows);
    }

    [Fact]
    public void ParseQuestions_CreationCardLines_ChoiceOptionalAndBlockers()
    {
        var errors = new List<string>();

        var questions = TeamSetupHandlers.ParseQuestions("What shipped?\n?Pipeline confidence? | High, Medium, Low\n!?Anything blocking you?", errors);

        Assert.Empty(errors);
        Assert.Equal(["q1", "q2", "q3"], questions.Select(q => q.Id));
        Assert.Equal(["High", "Medium", "Low"], questions[1].Choices!);
        Assert.False(questions[1].Required);
        Assert.True(questions[2].IsBlockers);
    }

    [Fact]
    public void ParseQuestions_ChoiceWithOneOption_SameRuleAsTheEditCard()
    {
        var errors = new List<string>();

        TeamSetupHandlers.ParseQuestions("Demo booked? | Yes", errors);

        Assert.Equal(["Question 1 is a choice: give at least 2 different options, separated by commas."], errors);
    }
}
