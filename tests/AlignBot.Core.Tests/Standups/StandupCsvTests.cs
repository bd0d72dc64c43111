using AlignBot.Core.Standups;

namespace AlignBot.Core.Tests.Standups;

public sealed class StandupCsvTests
{
    [Fact]
    public void Write_QuestionRemovedAfterAPrompt_ItsAnswersKeepTheirOwnColumn()
    {
        var standup = new StandupDefinition(Guid.NewGuid(), "team-1", "Daily", [StandupQuestion.Defaults[1]], StandupDefinition.Weekdays, new TimeOnly(9, 0), TimeSpan.FromHours(4), null, null);
        var occurrence = new StandupOccurrence(standup.Id, "m1", new DateOnly(2026, 3, 2), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(4), OccurrenceKind.Prompt, "Etc/UTC");
        var prompt = StandupPrompt.Start(occurrence, StandupQuestion.Defaults);
        prompt.Answer(new Dictionary<string, string> { ["yesterday"] = "Closed Contoso", ["today"] = "Demo", ["blockers"] = "" }, null, DateTimeOffset.UnixEpoch);

        var csv = StandupCsv.Write(standup, [prompt], new Dictionary<string, string> { ["m1"] = "Ada" });

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,member,status,late,answered_at_utc,What will you do today?,What did you do since the last stand-up?,Anything blocking you?", lines[0]);
        Assert.Equal("2026-03-02,Ada,answered,no,1970-01-01 00:00,Demo,Closed Contoso,", lines[1]);
    }

    [Fact]
    public void AsAsked_PromptWithItsOwnQuestions_UsesThem()
    {
        var standup = new StandupDefinition(Guid.NewGuid(), "team-1", "Daily", [new StandupQuestion("new", "New?")], StandupDefinition.Weekdays, new TimeOnly(9, 0), TimeSpan.FromHours(4), null, null);
        var occurrence = new StandupOccurrence(standup.Id, "m1", new DateOnly(2026, 3, 2), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(4), OccurrenceKind.Prompt, "Etc/UTC");

        Assert.Equal(["yesterday", "today", "blockers"], standup.AsAsked(StandupPrompt.Start(occurrence, StandupQuestion.Defaults)).Questions.Select(q => q.Id));
        Assert.Equal(["new"], standup.AsAsked(StandupPrompt.Start(occurrence, [])).Questions.Select(q => q.Id));
    }
}
