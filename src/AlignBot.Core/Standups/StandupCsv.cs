using System.Globalization;
using System.Text;

namespace AlignBot.Core.Standups;

/// <summary>A stand-up's answers as CSV (RFC 4180): one row per member and day, one column per question.</summary>
public static class StandupCsv
{
    public static string Write(StandupDefinition standup, IReadOnlyList<StandupPrompt> prompts, IReadOnlyDictionary<string, string> names)
    {
        var csv = new StringBuilder();
        var columns = Columns(standup, prompts);
        Row(csv, ["date", "member", "status", "late", "answered_at_utc", .. columns.Select(q => q.Text)]);
        foreach (var prompt in prompts.OrderBy(p => p.LocalDate).ThenBy(p => names.GetValueOrDefault(p.MemberId, p.MemberId), StringComparer.OrdinalIgnoreCase))
        {
            Row(csv,
            [
                prompt.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                names.GetValueOrDefault(prompt.MemberId, prompt.MemberId),
                prompt.Status switch { PromptStatus.Answered => "answered", PromptStatus.Skipped => "skipped", PromptStatus.OutOfOffice => "out of office", _ => "no answer" },
                prompt.Late ? "yes" : "no",
                prompt.AnsweredAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                .. columns.Select(q => prompt.Answers.GetValueOrDefault(q.Id, "")),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>Today's questions, then any question a lead has since removed that some prompt in the range was asked.</summary>
    private static List<StandupQuestion> Columns(StandupDefinition standup, IReadOnlyList<StandupPrompt> prompts)
    {
        var columns = standup.Questions.ToList();
        var ids = columns.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        columns.AddRange(prompts.SelectMany(p => p.Questions).Where(q => ids.Add(q.Id)));
        return columns;
    }

    private static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Escape));
        csv.Append("\r\n");
    }

    /// <summary>Quotes a cell when needed; a leading = + - @ is prefixed so spreadsheets don't run it as a formula.</summary>
    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
